package id.go.kecamatan.surveys;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The respondent's profile, every part optional and kept as a band (an age band, never a birth
 * date), so no profile points at a person: sex, age band, education, occupation and the time of day
 * they were served. Labels: {@code surveys.profile.<part>.<VALUE>}.
 */
public record Profile(
    Sex sex, AgeBand age, Education education, Occupation occupation, TimeBand timeBand) {

  public static final Profile NONE = new Profile(null, null, null, null, null);

  /** Jenis kelamin. */
  public enum Sex {
    L,
    P
  }

  /** Usia, in bands. */
  public enum AgeBand {
    UNDER_20,
    FROM_20,
    FROM_30,
    FROM_40,
    FROM_50,
    FROM_60
  }

  /** Pendidikan terakhir. */
  public enum Education {
    SD,
    SMP,
    SMA,
    D1_D3,
    S1,
    S2,
    S3
  }

  /** Pekerjaan utama. */
  public enum Occupation {
    PNS,
    TNI,
    POLRI,
    SWASTA,
    WIRAUSAHA,
    LAINNYA
  }

  /** Jam pelayanan: 08.00-12.00 or 13.00-17.00. */
  public enum TimeBand {
    PAGI,
    SIANG
  }

  /** The constants' names, as a form's values. */
  public static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }

  /** The constant of that name, none for blank; empty for an unknown name. */
  static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst();
  }
}
