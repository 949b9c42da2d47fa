package id.go.kecamatan.notifications;

/** How a message reaches a person. */
public enum Channel {
  EMAIL,
  WHATSAPP,
  SMS
}
