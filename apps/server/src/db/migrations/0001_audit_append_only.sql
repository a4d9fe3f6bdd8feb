-- The audit log is append-only: the application may only INSERT. A trigger refuses UPDATE
-- and DELETE for every role, so tampering needs a deliberate schema change, which the hash
-- chain then exposes.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- Genesis of each of the 16 chains (AUDIT_CHAINS): 64 zeros.
INSERT INTO audit_head (id, seq, hash) SELECT c, 0, repeat('0', 64) FROM generate_series(0, 15) AS c;
