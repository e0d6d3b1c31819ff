-- What `gongjian list` asks (units in the alliance on a day, with their working groups),
-- written out for the sqlite3 shell with the day filled in.
SELECT id, name, kind, joined_on, left_on,
  (SELECT group_concat(name, char(31)) FROM (
     SELECT g.name FROM group_membership AS gm JOIN working_group AS g ON g.id = gm.group_id
     WHERE gm.unit_id = picked.id AND gm.joined_on <= '2026-11-27'
       AND (gm.left_on IS NULL OR gm.left_on > '2026-11-27')
     ORDER BY gm.role, g.id))
FROM (
  SELECT u.id, u.name, u.kind, m.joined_on, m.left_on,
         row_number() OVER (PARTITION BY u.id ORDER BY m.joined_on DESC) AS latest
  FROM unit AS u JOIN membership AS m ON m.unit_id = u.id
  WHERE m.joined_on <= '2026-11-27' AND (m.left_on IS NULL OR m.left_on > '2026-11-27')
) AS picked
WHERE latest = 1
ORDER BY joined_on, id;
