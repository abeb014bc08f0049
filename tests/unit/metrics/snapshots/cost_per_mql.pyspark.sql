SELECT
  `t9`.`bucket` AS `period`,
  CAST(COALESCE(`t9`.`v0`, 0) AS DOUBLE) / NULLIF(COALESCE(`t9`.`v1`, 0), 0) AS `value`
FROM (
  SELECT
    `t8`.`bucket`,
    MAX(`t8`.`v0`) AS `v0`,
    MAX(`t8`.`v1`) AS `v1`
  FROM (
    SELECT
      *
    FROM (
      SELECT
        `t4`.`bucket`,
        `t4`.`v0`,
        CAST(NULL AS BIGINT) AS `v1`
      FROM (
        SELECT
          DATE_TRUNC('month', `t2`.`spend_date`) AS `bucket`,
          SUM(`t2`.`amount`) AS `v0`
        FROM (
          SELECT
            *
          FROM `marketing`.`campaign_spend` AS `t0`
          WHERE
            LOWER(`t0`.`channel`) = 'web'
        ) AS `t2`
        GROUP BY
          1
      ) AS `t4`
    ) AS `t6`
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        CAST(`t5`.`bucket` AS DATE) AS `bucket`,
        CAST(NULL AS DECIMAL(38, 2)) AS `v0`,
        `t5`.`v1`
      FROM (
        SELECT
          DATE_TRUNC('month', `t3`.`mql_at`) AS `bucket`,
          COUNT(DISTINCT `t3`.`lead_id`) AS `v1`
        FROM (
          SELECT
            *
          FROM `crm`.`leads` AS `t1`
          WHERE
            NOT (
              `t1`.`is_test`
            )
            AND LOWER(`t1`.`channel`) = 'web'
            AND `t1`.`mql_at` IS NOT NULL
        ) AS `t3`
        GROUP BY
          1
      ) AS `t5`
    ) AS `t7`
  ) AS `t8`
  GROUP BY
    1
) AS `t9`
ORDER BY
  `t9`.`bucket` ASC NULLS LAST;
