package id.go.kecamatan.counter.web;

import java.util.List;

/** A counter as typed on the set-up page: its number, name, the groups it serves (ids). */
public record DeskForm(String number, String name, List<String> groups, String active) {}
