-- 002: what the desktops of a team coordinate through, beside the exchange. Every time here is the database's
-- clock (now(), clock_timestamp()), never a desktop's, so a desktop whose clock is off still behaves.

-- The partner tenant's Partner Center budget as one token bucket per tenant: every desktop draws a token
-- with one atomic UPDATE before each call.
CREATE TABLE team_rate_budget (
  tenant_id text PRIMARY KEY,
  tokens double precision NOT NULL,
  refilled_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Each desktop's heartbeat and the figures Settings › Team shows. A desktop heard from recently but not in the
-- last few seconds may be cut off and running on its fallback share: the bucket refills slower for it.
CREATE TABLE team_presence (
  device_id text PRIMARY KEY,
  display_name text NOT NULL,
  heartbeat_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  left_at timestamptz,
  calls_last_minute integer NOT NULL DEFAULT 0,
  leases_held integer NOT NULL DEFAULT 0,
  last_error text,
  last_error_at timestamptz
);

-- One lease per resource checked in the background ('verify:<customer id>'): taken with FOR UPDATE SKIP
-- LOCKED, held until expires_at; done_at says when the team last did it, so it is done once per interval.
CREATE TABLE team_leases (
  resource text PRIMARY KEY,
  holder text,
  holder_name text,
  expires_at timestamptz,
  done_at timestamptz,
  done_by_name text
);

-- Once-only side effects (an email to a customer for one step, a Partner Center action): the first desktop to
-- insert the key does it; done_at is set once it happened.
CREATE TABLE team_claims (
  key text PRIMARY KEY,
  holder text NOT NULL,
  holder_name text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  done_at timestamptz
);
