/**
 * The append-only audit trail (jejak audit): who changed or viewed what, when, and what changed.
 * Other modules record through {@link id.go.kecamatan.audit.AuditTrail} in their own transaction,
 * so a change and its record commit together.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package id.go.kecamatan.audit;
