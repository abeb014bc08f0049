SELECT
  DATE("t2"."bucket") AS "period",
  (
    CAST(COALESCE("t2"."v0", 0) AS DOUBLE PRECISION) / NULLIF(COALESCE("t2"."v1", 0), 0)
  ) * 100 AS "value"
FROM (
  SELECT
    DATE_TRUNC('QUARTER', "t1"."mql_at") AS "bucket",
    COUNT(DISTINCT "t1"."lead_id") FILTER(WHERE
      (
        "t1"."mql_at" IS NOT NULL
      ) AND (
        "t1"."sql_at" IS NOT NULL
      )) AS "v0",
    COUNT(DISTINCT "t1"."lead_id") FILTER(WHERE
      "t1"."mql_at" IS NOT NULL) AS "v1"
  FROM (
    SELECT
      *
    FROM "crm"."leads" AS "t0"
    WHERE
      NOT (
        "t0"."is_test"
      )
      AND (
        (
          (
            "t0"."mql_at" IS NOT NULL
          ) AND (
            "t0"."sql_at" IS NOT NULL
          )
        )
        OR (
          "t0"."mql_at" IS NOT NULL
        )
      )
  ) AS "t1"
  GROUP BY
    1
) AS "t2"
ORDER BY
  DATE("t2"."bucket") ASC;
