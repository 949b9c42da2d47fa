package id.go.kecamatan.application;

/** How an application came in. */
public enum Channel {
  ONLINE,
  COUNTER
}
