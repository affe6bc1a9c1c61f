package io.trustchain.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactPathsTest {

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource(textBlock = """
      os.version, os.version, true
      os, os.version, true
      os.version, os, false
      os.ver, os.version, false
      users, users[alice], true
      users, users[alice].secure_token, true
      users[alice], users[alice].secure_token, true
      users[alice], users[alicia].secure_token, false
      users[alice].secure_token, users[alice], false
      users[*], users[alice], true
      users[*], users[alice].admin, true
      users[*], users, false
      users[*], users[], true
      users[*], users[al.ice].admin, true
      users[*], users[alice, false
      users[*].secure_token, users[bob].secure_token, true
      users[*].secure_token, users[bob].secure_tokens, false
      users[*].secure_token, users[bob].admin, false
      users[*].secure_token, users[bob], false
      filevault.users[*], filevault.users[bob].unlock, true
      filevault.users[*], filevault.status, false
      """)
  void covers(String covering, String path, boolean expected) {
    assertThat(FactPaths.covers(covering, path)).isEqualTo(expected);
  }
}
