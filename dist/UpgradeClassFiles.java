import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites, in place, each jar of a directory that holds class files older than Java 6 (version 50) so that
 * those classes carry version 50 and the stack maps the JVM's type-checking verifier reads; every other byte of
 * the jar is kept. Run by upgrade-classfiles.sh at {@code package} on Java 24+ (the JDK's ClassFile API).
 *
 * <p>Why: no class-data archive or AOT cache holds a class older than version 50, because the JVM cannot verify
 * it ahead of time; picocli (all of it) and Guice (a few dozen classes) ship as Java 5 class files, so every
 * command loaded and verified ≈200 classes from their jars before this step (the step also rewrites the old
 * class files of Jinjava, jsr305, the FindBugs annotations, j2objc and aopalliance, which load less often, if
 * at all). The instructions are the same; the stack maps are computed from them (the JDK's generator, the
 * class hierarchy read from the jars) and each rewritten class is checked by the JDK's type-checking verifier
 * before the jar is replaced.
 */
public final class UpgradeClassFiles {

  private static final int JAVA_6 = 50;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    List<Path> jars = new ArrayList<>();
    try (var files = Files.list(dir)) {
      files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
    }
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    try (URLClassLoader hierarchy = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
          ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
              .orElse(ClassHierarchyResolver.ofResourceParsing(hierarchy))));
      for (Path jar : jars) {
        int upgraded = upgrade(jar, classFile);
        if (upgraded > 0) {
          System.out.println("upgraded " + upgraded + " class files of " + jar.getFileName() + " to version " + JAVA_6);
        }
      }
    }
  }

  /** The number of class files rewritten in {@code jar}; 0 leaves the file untouched. */
  private static int upgrade(Path jar, ClassFile classFile) throws IOException {
    Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
    int upgraded = 0;
    try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
      for (ZipEntry entry : java.util.Collections.list(in.entries())) {
        byte[] bytes;
        try (var stream = in.getInputStream(entry)) {
          bytes = stream.readAllBytes();
        }
        if (entry.getName().endsWith(".class") && version(bytes) < JAVA_6) {
          ClassModel model = classFile.parse(bytes);
          bytes = classFile.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
              .andThen((builder, element) -> {
                if (element instanceof ClassFileVersion) {
                  builder.withVersion(JAVA_6, 0);
                } else {
                  builder.with(element);
                }
              }));
          List<VerifyError> errors = classFile.verify(bytes);
          if (!errors.isEmpty()) { // the build stops: a class the JVM would refuse, or verify the old way only
            throw new IllegalStateException(jar.getFileName() + "!" + entry.getName() + ": " + errors.getFirst());
          }
          upgraded++;
        }
        ZipEntry copy = new ZipEntry(entry.getName());
        copy.setTime(entry.getTime());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    if (upgraded == 0) {
      Files.delete(tmp);
    } else {
      Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }
    return upgraded;
  }

  /** The class file's major version (bytes 6 and 7), or a large number for what is not a class file. */
  private static int version(byte[] bytes) {
    if (bytes.length < 8 || (bytes[0] & 0xff) != 0xca || (bytes[1] & 0xff) != 0xfe) {
      return Integer.MAX_VALUE;
    }
    return ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
  }
}
