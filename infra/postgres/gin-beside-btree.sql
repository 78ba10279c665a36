-- Index support for FerretDB 1.24 on PostgreSQL, installed beside FerretDB (it stays unpatched).
--
-- Why: FerretDB pushes an equality filter down to PostgreSQL as `_jsonb -> 'field' @> value`
-- (containment: it matches a scalar and an array holding it, as MongoDB's equality does), but the
-- indexes `createIndex` makes are btree indexes on `(_jsonb -> 'field')`, and btree has no `@>`:
-- every find by `_id`, `trackingCode` or `username` scanned the whole table. A GIN index with the
-- `jsonb_path_ops` operator class on the same expression serves `@>` (a Bitmap Index Scan).
--
-- How: an event trigger watches every CREATE INDEX. Where the new index is a btree whose keys are
-- all top-level fields (`_jsonb -> 'name'`), it creates `<index>_gin`, a GIN `jsonb_path_ops`
-- index on the same expressions, in the same transaction, without a pending list
-- (`fastupdate = off`: with one, measured at 4,000 ticket-sized documents, updates by `_id` ran
-- at 200/s and finds by `_id` at 50–170/s instead of about 475 and 570). Dropping the btree index drops its
-- GIN sibling. The btree index stays: FerretDB writes by `_id` with `=`, and unique indexes
-- are what enforce uniqueness.
--
-- Idempotent: scripts/infra.sh runs this file at every start, which also backfills a GIN index
-- for any FerretDB index created before the trigger existed.

CREATE OR REPLACE FUNCTION gd_gin_definition(index_oid oid) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
  def text := pg_get_indexdef(index_oid);
  keys text;
  key text;
  columns text[] := '{}';
  gin_name text;
  table_name text;
BEGIN
  -- FerretDB's own indexes only: btree over expressions of its `_jsonb` column.
  IF def !~ ' USING btree \(' OR def !~ '_jsonb' THEN
    RETURN NULL;
  END IF;
  keys := substring(def FROM ' USING btree \((.*)\)$');
  -- Every key must be a top-level field, optionally DESC: `((_jsonb -> 'f'::text))`.
  FOREACH key IN ARRAY regexp_split_to_array(keys, ', ') LOOP
    IF key !~ '^\(\(_jsonb -> ''[^'']+''::text\)\)( DESC)?$' THEN
      RETURN NULL;
    END IF;
    columns := columns || (regexp_replace(key, '( DESC)$', '') || ' jsonb_path_ops');
  END LOOP;
  SELECT format('%I.%I', n.nspname, left(c.relname, 59) || '_gin'), i.indrelid::regclass::text
    INTO gin_name, table_name
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE i.indexrelid = index_oid;
  RETURN format('CREATE INDEX IF NOT EXISTS %s ON %s USING gin (%s) WITH (fastupdate = off)',
                split_part(gin_name, '.', 2), table_name, array_to_string(columns, ', '));
END $$;

CREATE OR REPLACE FUNCTION gd_add_gin_beside_btree() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
  statement text;
BEGIN
  FOR cmd IN SELECT objid FROM pg_event_trigger_ddl_commands()
              WHERE command_tag = 'CREATE INDEX' AND object_type = 'index' LOOP
    statement := public.gd_gin_definition(cmd.objid);
    IF statement IS NOT NULL THEN
      EXECUTE statement;
    END IF;
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION gd_drop_gin_beside_btree() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  dropped record;
BEGIN
  FOR dropped IN SELECT schema_name, object_name FROM pg_event_trigger_dropped_objects()
                  WHERE object_type = 'index' AND original AND object_name NOT LIKE '%\_gin' LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', dropped.schema_name, left(dropped.object_name, 59) || '_gin');
  END LOOP;
END $$;

DROP EVENT TRIGGER IF EXISTS gd_add_gin_beside_btree;
CREATE EVENT TRIGGER gd_add_gin_beside_btree ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION gd_add_gin_beside_btree();

DROP EVENT TRIGGER IF EXISTS gd_drop_gin_beside_btree;
CREATE EVENT TRIGGER gd_drop_gin_beside_btree ON sql_drop
  WHEN TAG IN ('DROP INDEX') EXECUTE FUNCTION gd_drop_gin_beside_btree();

-- Backfill: FerretDB indexes made before this file ran.
DO $$
DECLARE
  idx record;
  statement text;
BEGIN
  FOR idx IN SELECT i.indexrelid
               FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
                AND c.relname NOT LIKE '%\_gin' LOOP
    statement := public.gd_gin_definition(idx.indexrelid);
    IF statement IS NOT NULL THEN
      EXECUTE statement;
    END IF;
  END LOOP;
END $$;

-- GIN twins made before they were created without a pending list: switched over. (A pending list
-- takes new entries cheaply but every search reads all of it; under FerretDB's updates, each a new
-- row version in every index, it grew until a flush, and finds and updates by `_id` ran at a
-- third of their speed.)
DO $$
DECLARE
  idx record;
BEGIN
  FOR idx IN SELECT c.oid, format('%I.%I', n.nspname, c.relname) AS name
               FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               JOIN pg_am am ON am.oid = c.relam
              WHERE c.relkind = 'i' AND am.amname = 'gin' AND c.relname LIKE '%\_gin'
                AND NOT coalesce(c.reloptions @> ARRAY['fastupdate=off'], false) LOOP
    EXECUTE format('ALTER INDEX %s SET (fastupdate = off)', idx.name);
    PERFORM gin_clean_pending_list(idx.oid::regclass);
  END LOOP;
END $$;
