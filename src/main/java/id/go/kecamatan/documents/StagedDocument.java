package id.go.kecamatan.documents;

import id.go.kecamatan.documents.internal.Intake;

/**
 * An upload taken into the blob store (checked, re-encoded, hashed and written) that is not yet a
 * document: it has no row, so nothing reaches it. {@link Documents#record} makes it a document in
 * the caller's transaction; {@link Documents#discard} removes its blobs when the caller gives up.
 * One never recorded nor discarded (the node died) is removed by the sweep of blobs no document
 * names (ADR 0004). Staging holds no database connection, so the slow part of an upload runs
 * outside any transaction (ADR 0034).
 */
public final class StagedDocument {

  final Intake.Accepted accepted;
  final String name;

  StagedDocument(Intake.Accepted accepted, String name) {
    this.accepted = accepted;
    this.name = name;
  }

  /** Bytes as stored (counted against the per-application limit). */
  public long size() {
    return accepted.size();
  }
}
