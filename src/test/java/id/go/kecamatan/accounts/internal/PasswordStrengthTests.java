package id.go.kecamatan.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordStrengthTests {

  private final SecurityConfiguration configuration = new SecurityConfiguration();

  @Test
  void newPasswordsAreHashedWithTheConfiguredRounds() {
    assertThat(configuration.passwordEncoder(10).encode("rahasia-kantor"))
        .startsWith("{bcrypt}$2a$10$");
    assertThat(configuration.passwordEncoder(4).encode("rahasia-kantor"))
        .startsWith("{bcrypt}$2a$04$");
  }

  @Test
  void aStoredPasswordSignsInWhateverTheSettingIsNow() {
    String madeAtTen = configuration.passwordEncoder(10).encode("rahasia-kantor");
    String madeAtFour = configuration.passwordEncoder(4).encode("rahasia-kantor");

    for (PasswordEncoder now :
        new PasswordEncoder[] {
          configuration.passwordEncoder(4), configuration.passwordEncoder(12)
        }) {
      assertThat(now.matches("rahasia-kantor", madeAtTen)).isTrue();
      assertThat(now.matches("rahasia-kantor", madeAtFour)).isTrue();
      assertThat(now.matches("rahasia-kantoR", madeAtTen)).isFalse();
    }
  }

  @Test
  void roundsOutsideBcryptsRangeStopTheStart() {
    assertThatThrownBy(() -> configuration.passwordEncoder(3))
        .hasMessageContaining("layanan.accounts.password-strength must be between 4 and 31");
    assertThatThrownBy(() -> configuration.passwordEncoder(32))
        .hasMessageContaining("layanan.accounts.password-strength");
  }
}
