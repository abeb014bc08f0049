SELECT
  DATE(`t2`.`bucket`) AS `period`,
  ieee_divide(COALESCE(`t2`.`v0`, 0), NULLIF(COALESCE(`t2`.`v1`, 0), 0)) * 100 AS `value`
FROM (
  SELECT
    TIMESTAMP_TRUNC(`t1`.`mql_at`, QUARTER) AS `bucket`,
    COUNT(
      DISTINCT IF(
        (
          `t1`.`mql_at` IS NOT NULL
        ) AND (
          `t1`.`sql_at` IS NOT NULL
        ),
        `t1`.`lead_id`,
        NULL
      )
    ) AS `v0`,
    COUNT(DISTINCT IF(`t1`.`mql_at` IS NOT NULL, `t1`.`lead_id`, NULL)) AS `v1`
  FROM (
    SELECT
      *
    FROM `crm`.`leads` AS `t0`
    WHERE
      NOT (
        `t0`.`is_test`
      )
      AND (
        (
          (
            `t0`.`mql_at` IS NOT NULL
          ) AND (
            `t0`.`sql_at` IS NOT NULL
          )
        )
        OR (
          `t0`.`mql_at` IS NOT NULL
        )
      )
  ) AS `t1`
  GROUP BY
    1
) AS `t2`
ORDER BY
  DATE(`t2`.`bucket`) ASC NULLS LAST;
