SELECT
  CAST("t2"."bucket" AS DATE) AS "period",
  "t2"."v0" AS "value"
FROM (
  SELECT
    DATE_TRUNC('WEEK', "t1"."mql_at") AS "bucket",
    AVG(CAST(ROUND(COALESCE("t1"."response_hours", 0), 1) AS DOUBLE)) AS "v0"
  FROM (
    SELECT
      *
    FROM "crm"."leads" AS "t0"
    WHERE
      NOT (
        "t0"."is_test"
      )
      AND "t0"."business_unit" = 'pumps'
      AND "t0"."mql_at" IS NOT NULL
      AND LOWER("t0"."channel") IN ('web', 'email')
  ) AS "t1"
  GROUP BY
    1
) AS "t2"
ORDER BY
  CAST("t2"."bucket" AS DATE) ASC;
