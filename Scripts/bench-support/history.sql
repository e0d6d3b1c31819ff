-- A history of one entry per unit, as `register` records one: the facts and the unit after,
-- as JSON; for measuring `history` at the registry's size (an import records one entry).
-- Run once on a copy of an imported registry: sqlite3 r.sqlite < history.sql
INSERT INTO history
  (at, os_user, command, action, entity, entity_id, unit_id, unit_name, summary, facts, batch, before, after)
SELECT '2026-11-27T09:00:00Z', 'bench', 'gongjian register ' || u.name || ' --joined ' || m.joined_on,
       'register', 'unit', u.id, u.id, u.name, '',
       json_object('name', u.name, 'kind', u.kind, 'joined_on', m.joined_on),
       (SELECT coalesce(max(batch), 0) FROM history) + u.id, NULL,
       json_object('id', u.id, 'name', u.name, 'kind', u.kind, 'joined_on', m.joined_on, 'left_on', m.left_on,
                   'contact_name', u.contact_name, 'contact_phone', u.contact_phone, 'address', u.address)
FROM unit AS u JOIN membership AS m ON m.unit_id = u.id
WHERE m.id = (SELECT max(id) FROM membership WHERE unit_id = u.id);
