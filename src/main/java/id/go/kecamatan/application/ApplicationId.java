package id.go.kecamatan.application;

import java.util.Objects;
import java.util.UUID;

/** The typed id of an application, for other modules to refer to one. */
public record ApplicationId(UUID value) implements java.io.Serializable {

  public ApplicationId {
    Objects.requireNonNull(value);
  }

  public static ApplicationId random() {
    return new ApplicationId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
