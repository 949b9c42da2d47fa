package id.go.kecamatan.complaints;

import java.util.UUID;

/** A complaint was filed (pengaduan diterima). */
public record ComplaintFiled(UUID officeId, UUID complaintId, String trackingCode) {}
