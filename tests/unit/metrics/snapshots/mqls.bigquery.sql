SELECT
  DATE(`t2`.`bucket`) AS `period`,
  COALESCE(`t2`.`v0`, 0) AS `value`
FROM (
  SELECT
    TIMESTAMP_TRUNC(`t1`.`mql_at`, MONTH) AS `bucket`,
    COUNT(DISTINCT `t1`.`lead_id`) AS `v0`
  FROM (
    SELECT
      *
    FROM `crm`.`leads` AS `t0`
    WHERE
      NOT (
        `t0`.`is_test`
      ) AND `t0`.`mql_at` IS NOT NULL
  ) AS `t1`
  GROUP BY
    1
) AS `t2`
ORDER BY
  DATE(`t2`.`bucket`) ASC NULLS LAST;
