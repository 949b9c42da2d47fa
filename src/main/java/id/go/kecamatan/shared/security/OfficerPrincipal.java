package id.go.kecamatan.shared.security;

/** Implemented by the authenticated principal so that modules read the {@link Officer}. */
public interface OfficerPrincipal {
  Officer officer();
}
