package io.trustchain.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlistStringsTest {

  /** S42, the output plist of a deferral, values as the lab writes them. */
  static final String S42 = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
      <plist version="1.0">
      <dict>
      \t<key>Change</key>
      \t<true/>
      \t<key>EnabledDate</key>
      \t<string>2019-11-04 18:06:29 +0100</string>
      \t<key>EnabledUser</key>
      \t<string>frederick.abeloos</string>
      \t<key>HardwareUUID</key>
      \t<string>F6329A14-0000-0000-0000-E831DB218AB5</string>
      \t<key>RecoveryKey</key>
      \t<string>3QKM-ABCD-EFGH-JKLM-NPQR-STUV</string>
      \t<key>SerialNumber</key>
      \t<string>C02XL0GTJGH5</string>
      </dict>
      </plist>
      """;

  @Test
  void parse_readsTheStringsOfS42_withoutFetchingTheDtd() {
    PlistStrings p = PlistStrings.parse(S42);
    assertThat(p.get("RecoveryKey")).contains("3QKM-ABCD-EFGH-JKLM-NPQR-STUV");
    assertThat(p.get("EnabledDate")).contains("2019-11-04 18:06:29 +0100");
    assertThat(p.get("SerialNumber")).contains("C02XL0GTJGH5");
    assertThat(p.get("Change")).as("not a string").isEmpty();
    assertThat(p.toString()).doesNotContain("3QKM");
  }

  @Test
  void parse_notAPlist_saysSoWithoutQuotingIt() {
    assertThatThrownBy(() -> PlistStrings.parse("Recovery key = '3QKM-ABCD-EFGH-JKLM-NPQR-STUV'"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("it is not an XML property list");
    assertThatThrownBy(() -> PlistStrings.parse("<plist><array/></plist>"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("its root is not a <dict>");
  }
}
