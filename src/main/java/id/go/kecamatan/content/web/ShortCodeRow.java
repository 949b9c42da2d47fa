package id.go.kecamatan.content.web;

import id.go.kecamatan.content.ShortCode;
import id.go.kecamatan.content.ShortCodes;

/**
 * A short code as the office's list shows it: the village and the service it names (null for none,
 * or the office's page) and its figures in the period.
 */
public record ShortCodeRow(
    ShortCode code, String village, String service, ShortCodes.Figures figures) {}
