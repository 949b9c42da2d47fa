package id.go.kecamatan.content.web;

import id.go.kecamatan.catalog.ServiceType;
import id.go.kecamatan.content.FaqItem;
import java.util.List;

/** The questions of one group on the public page: general (service null) or one service's. */
public record FaqGroup(ServiceType service, List<FaqItem> items) {}
