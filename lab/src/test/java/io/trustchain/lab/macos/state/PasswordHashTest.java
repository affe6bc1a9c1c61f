package io.trustchain.lab.macos.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

  private static final ObjectMapper JSON = new ObjectMapper()
      .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
      .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
      .setVisibility(PropertyAccessor.CREATOR, Visibility.ANY);

  @Test
  void aNewHashMatchesItsPasswordOnly_andSaltsEachHash() throws Exception {
    PasswordHash hash = PasswordHash.of("hunter2");
    assertThat(hash.matches("hunter2")).isTrue();
    assertThat(hash.matches("hunter3")).isFalse();
    assertThat(hash.matches((String) null)).isFalse();
    String json = JSON.writeValueAsString(hash);
    assertThat(json).contains("\"algorithm\":\"SHA-256\"").doesNotContain("hunter2");
    assertThat(json).isNotEqualTo(JSON.writeValueAsString(PasswordHash.of("hunter2")));
    assertThat(JSON.readValue(json, PasswordHash.class).matches("hunter2")).isTrue();
  }

  @Test
  void aHashWrittenByAnEarlierLab_pbkdf2_stillVerifies() throws Exception {
    // PBKDF2-HMAC-SHA512, 1,000 rounds, 32 bytes, of "hunter2" with salt "0123456789abcdef" (computed by Python's hashlib)
    PasswordHash old = JSON.readValue("""
        {"algorithm": "PBKDF2WithHmacSHA512", "iterations": 1000, "salt": "MDEyMzQ1Njc4OWFiY2RlZg==",
         "hash": "Xp/4UtI3VYuUskUJvg/ElBho/1QUob2t4wOqDH2dRs4="}""", PasswordHash.class);
    assertThat(old.matches("hunter2")).isTrue();
    assertThat(old.matches("hunter3")).isFalse();
  }
}
