-- Sample rows of a sietch-service database: both of its time formats, upper-case and duplicate
-- wallets, amounts above 2^63 wei, rows it could hold that Sietch cannot represent. Foreign keys
-- are off here, as in any connection that did not turn them on (sietch-service's own scripts and
-- the sqlite3 shell), so a badge and a member that do not exist can be referred to.
PRAGMA foreign_keys = OFF;
INSERT INTO wallet_mappings (discord_user_id, wallet_address, verified_at) VALUES
    ('111111111111111111', '0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '2025-01-05 10:00:00'),
    ('222222222222222222', '0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', '2025-01-06T11:30:00.000Z'),
    ('333333333333333333', '0xBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB', '2025-01-04 09:00:00'),
    ('444444444444444444', 'not-a-wallet', '2025-01-07 09:00:00'),
    ('555555555555555555', '0xcccccccccccccccccccccccccccccccccccccccc', '2025-02-01 00:00:00');

INSERT INTO member_profiles (member_id, discord_user_id, nym, bio, pfp_url, pfp_type, tier, created_at, updated_at,
        nym_last_changed, onboarding_complete, onboarding_step, is_former_naib) VALUES
    ('7f1c0c6e-0000-4000-8000-000000000001', '111111111111111111', 'Alice', 'Spice must flow',
        'https://cdn.discordapp.com/avatars/1/a.png', 'custom', 'naib', '2025-01-05 10:05:00', '2025-03-01 12:00:00',
        NULL, 1, 3, 0),
    ('7f1c0c6e-0000-4000-8000-000000000002', '222222222222222222', 'Bob', NULL, 'data:image/svg+xml;base64,xx',
        'generated', 'fedaykin', '2025-01-06T11:35:00.000Z', '2025-01-06T11:35:00.000Z', '2025-03-01 12:00:00', 1, 3, 0),
    ('7f1c0c6e-0000-4000-8000-000000000003', '555555555555555555', 'Carol', NULL, NULL, 'none', 'fedaykin',
        '2025-02-01 00:10:00', '2025-02-01 00:10:00', NULL, 0, 1, 0),
    ('7f1c0c6e-0000-4000-8000-000000000004', '333333333333333333', 'Dave', NULL, NULL, 'none', 'fedaykin',
        '2025-01-04 09:05:00', '2025-02-01 00:00:00', NULL, 1, 3, 1);

INSERT INTO member_badges (member_id, badge_id, awarded_at, awarded_by, award_reason, revoked, revoked_at, revoked_by) VALUES
    ('7f1c0c6e-0000-4000-8000-000000000001', 'og', '2025-01-06 03:00:00', NULL, 'Joined within 30 days of launch', 0, NULL, NULL),
    ('7f1c0c6e-0000-4000-8000-000000000001', 'helper', '2025-01-20T10:00:00.000Z', 'admin-1', 'Answered questions', 0, NULL, NULL),
    ('7f1c0c6e-0000-4000-8000-000000000002', 'consistent', '2025-02-01 03:00:00', NULL, 'Activity balance reached 100', 1,
        '2025-02-02 09:00:00', 'admin-1'),
    ('7f1c0c6e-0000-4000-8000-000000000002', 'builder', '2025-02-03 03:00:00', 'admin-1', NULL, 0, NULL, NULL),
    ('ffffffff-0000-4000-8000-00000000dead', 'og', '2025-01-06 03:00:00', NULL, NULL, 0, NULL, NULL);

INSERT INTO member_activity (member_id, activity_balance, last_decay_at, total_messages, total_reactions_given,
        total_reactions_received, last_active_at, peak_balance, updated_at) VALUES
    ('7f1c0c6e-0000-4000-8000-000000000001', 120.5, '2025-03-01 12:00:00', 340, 55, 80, '2025-03-01T11:59:00.000Z', 130.25,
        '2025-03-01 12:00:00'),
    ('7f1c0c6e-0000-4000-8000-000000000002', 5.0, '2025-03-01 12:00:00', 7, 1, 0, NULL, 5.0, '2025-03-01 12:00:00');

INSERT INTO admin_overrides (address, action, reason, created_by, created_at, expires_at, active) VALUES
    ('0xDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD', 'add', 'Partner allocation', 'admin-1', '2025-01-10 08:00:00',
        '2025-12-31T00:00:00.000Z', 1),
    ('0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', 'remove', 'Sybil cluster', 'admin-2', '2025-01-11 08:00:00', NULL, 0);

INSERT INTO audit_log (event_type, event_data, created_at) VALUES
    ('eligibility_update', '{"added":2,"removed":0}', '2025-01-05 06:00:00'),
    ('admin_override', '{"address":"0xdddddddddddddddddddddddddddddddddddddddd","action":"add"}', '2025-01-10 08:00:00'),
    ('naib_promotion', '{"memberId":"7f1c0c6e-0000-4000-8000-000000000001"}', '2025-01-12T06:00:00.123Z');

INSERT INTO naib_seats (seat_number, member_id, seated_at, unseated_at, unseat_reason, bumped_by_member_id,
        bgt_at_seating, bgt_at_unseating) VALUES
    (2, '7f1c0c6e-0000-4000-8000-000000000004', '2025-01-04 09:05:00', '2025-01-12T06:00:00.000Z', 'bumped',
        '7f1c0c6e-0000-4000-8000-000000000001', '9000000000000000000000', '9000000000000000000001'),
    (2, '7f1c0c6e-0000-4000-8000-000000000001', '2025-01-12T06:00:00.000Z', NULL, NULL, NULL,
        '10000000000000000000000', NULL);

INSERT INTO waitlist_registrations (discord_user_id, wallet_address, position_at_registration, bgt_at_registration,
        registered_at, notified, notified_at, active) VALUES
    ('666666666666666666', '0xffffffffffffffffffffffffffffffffffffffff', 75, '123456789012345678901',
        '2025-02-02 00:00:00', 1, NULL, 1),
    ('777777777777777777', '0x1111111111111111111111111111111111111111', 90, '1.5e21', '2025-02-03 00:00:00', 0, NULL, 1);

INSERT INTO notification_preferences (member_id, position_updates, at_risk_warnings, naib_alerts, frequency,
        alerts_sent_this_week, week_start_timestamp, created_at, updated_at) VALUES
    ('7f1c0c6e-0000-4000-8000-000000000001', 1, 0, 1, 'daily', 2, '2025-02-23T00:00:00.000Z', '2025-01-05 10:05:00',
        '2025-02-25 10:00:00'),
    ('7f1c0c6e-0000-4000-8000-000000000002', 0, 1, 1, '3_per_week', 0, '2025-02-23 00:00:00', '2025-01-06 11:35:00',
        '2025-01-06 11:35:00');

INSERT INTO alert_history (recipient_id, recipient_type, alert_type, alert_data, delivered, delivery_error, sent_at) VALUES
    ('7f1c0c6e-0000-4000-8000-000000000001', 'member', 'naib_seated', '{"seatNumber":2}', 1, NULL, '2025-01-12 06:00:01'),
    ('7f1c0c6e-0000-4000-8000-000000000002', 'member', 'position_update', '{"position":40}', 0, NULL, '2025-02-20 06:00:00'),
    ('666666666666666666', 'waitlist', 'waitlist_eligible', '{"position":69}', 0, 'Cannot send messages to this user',
        '2025-02-21 06:00:00');

INSERT INTO current_eligibility (address, rank, bgt_held, role) VALUES
    ('0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 1, '10000000000000000000000', 'naib'),
    ('0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 2, '9000000000000000000000', 'naib');
INSERT INTO eligibility_snapshots (data) VALUES ('[]');
INSERT INTO threshold_snapshots (entry_threshold_bgt, eligible_count, waitlist_count) VALUES ('1000', 69, 31);
