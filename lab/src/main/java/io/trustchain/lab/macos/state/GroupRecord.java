package io.trustchain.lab.macos.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A local group ({@code /Groups/NAME}). {@code GroupMembership} holds short names; {@code GroupMembers}
 * (the members' GeneratedUIDs) is derived when printed (S75).
 */
public final class GroupRecord {

  private String name;
  private int gid;
  private String realName;
  private String generatedUid;
  private List<String> membership = new ArrayList<>();

  private GroupRecord() {}

  public GroupRecord(String name, int gid, String realName, List<String> members) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.gid = gid;
    this.realName = realName;
    this.generatedUid = String.format("ABCDEFAB-CDEF-ABCD-EFAB-CDEF%08X", gid);
    this.membership = new ArrayList<>(members);
  }

  public String name() {
    return name;
  }

  public int gid() {
    return gid;
  }

  public String realName() {
    return realName;
  }

  public String generatedUid() {
    return generatedUid;
  }

  public List<String> membership() {
    return membership;
  }

  public boolean has(String user) {
    return membership.stream().anyMatch(m -> m.equalsIgnoreCase(user));
  }

  public boolean add(String user) {
    if (has(user)) {
      return false;
    }
    membership.add(user);
    return true;
  }

  public boolean remove(String user) {
    return membership.removeIf(m -> m.equalsIgnoreCase(user));
  }

  @Override
  public String toString() {
    return name + " " + membership;
  }
}
