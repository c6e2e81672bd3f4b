-- Least-privilege roles: one login role per service, each owning only its own schema.
--
-- Run once per database by an administrator (make run, the test kit and the Kubernetes
-- bootstrap Job all apply this same file); it is idempotent. Passwords are not set here: set
-- them out of band (ALTER ROLE tessera_identity PASSWORD '...') where the server requires them.
-- A service connected as its role can use its own schema and is refused on every other one:
-- schemas grant nothing to PUBLIC and no role is granted another's.

DO $roles$
DECLARE
    service text;
    object record;
BEGIN
    -- Roles belong to the whole server: applications to several databases at once take turns.
    PERFORM pg_advisory_xact_lock(hashtext('tessera roles.sql'));
    FOREACH service IN ARRAY ARRAY['identity', 'vault', 'messaging', 'intelligence'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tessera_' || service) THEN
            EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT', 'tessera_' || service);
        END IF;
        EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', service, 'tessera_' || service);
        -- A schema created earlier by an administrator (or by an older start-up) changes hands.
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', service, 'tessera_' || service);
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', service);
        FOR object IN
            SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relkind
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = service AND c.relkind IN ('r', 'p', 'v', 'm')
              AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = 'tessera_' || service)
        LOOP
            EXECUTE format('ALTER %s %s OWNER TO %I',
                CASE object.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                object.name, 'tessera_' || service);
        END LOOP;
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), 'tessera_' || service);
        EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = %I', 'tessera_' || service, current_database(), service);
    END LOOP;
END
$roles$;

-- Nobody but administrators creates objects in public.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- The backup role (pg_dump in the backup CronJobs and `make backup`): reads every schema
-- (pg_read_all_data) and writes nothing, not even by mistake (read-only transactions).
DO $backup$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('tessera roles.sql'));
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tessera_backup') THEN
        CREATE ROLE tessera_backup LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT;
    END IF;
    IF NOT pg_has_role('tessera_backup', 'pg_read_all_data', 'MEMBER') THEN
        GRANT pg_read_all_data TO tessera_backup;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
        WHERE r.rolname = 'tessera_backup' AND s.setdatabase = 0
          AND 'default_transaction_read_only=on' = ANY (s.setconfig)
    ) THEN
        ALTER ROLE tessera_backup SET default_transaction_read_only = on;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO tessera_backup', current_database());
END
$backup$;
