package id.go.kecamatan.notifications;

/** Where a message goes: an e-mail address or a phone number in international form (62812...). */
public record Recipient(Channel channel, String address) {}
