-- One page of a lead provider's participants with their enrolments, as one hand-written
-- query: the floor the API's participants page is compared with. Parameters: lead
-- provider id, page size, offset.
WITH page AS (
    SELECT t.id, t.api_id, t.trn, t.api_updated_at,
           coalesce(t.corrected_name, trim(coalesce(t.trs_first_name, '') || ' ' || coalesce(t.trs_last_name, ''))) AS full_name
    FROM teachers t
    WHERE EXISTS (
        SELECT 1
        FROM training_periods tp
        JOIN school_partnerships sp ON sp.id = tp.school_partnership_id
        JOIN lead_provider_delivery_partnerships lpdp ON lpdp.id = sp.lead_provider_delivery_partnership_id
        JOIN active_lead_providers alp ON alp.id = lpdp.active_lead_provider_id
        WHERE tp.teacher_id = t.id AND alp.lead_provider_id = %(lead_provider)s
    )
    ORDER BY t.id
    LIMIT %(size)s OFFSET %(offset)s
),
latest AS (
    SELECT DISTINCT ON (tp.teacher_id, tp.role)
           tp.*, alp.contract_period_year AS year, lpdp.delivery_partner_id
    FROM training_periods tp
    JOIN school_partnerships sp ON sp.id = tp.school_partnership_id
    JOIN lead_provider_delivery_partnerships lpdp ON lpdp.id = sp.lead_provider_delivery_partnership_id
    JOIN active_lead_providers alp ON alp.id = lpdp.active_lead_provider_id
    WHERE tp.teacher_id IN (SELECT id FROM page) AND alp.lead_provider_id = %(lead_provider)s
    ORDER BY tp.teacher_id, tp.role, tp.started_on DESC, tp.id DESC
)
SELECT page.*, l.role, l.started_on, l.finished_on, l.withdrawn_at, l.withdrawal_reason,
       l.deferred_at, l.deferral_reason, l.year, coalesce(e.email, m.email) AS email,
       e.working_pattern, s.urn, dp.api_id AS delivery_partner_id, sch.identifier,
       sfe.pupil_premium_uplift, sfe.sparsity_uplift, t.api_ect_training_record_id,
       t.api_mentor_training_record_id, t.ect_first_became_eligible_for_training_at,
       t.mentor_first_became_eligible_for_training_at,
       (SELECT mt.api_id FROM mentorship_periods mp
          JOIN mentor_at_school_periods mp_at ON mp_at.id = mp.mentor_at_school_period_id
          JOIN teachers mt ON mt.id = mp_at.teacher_id
         WHERE mp.ect_at_school_period_id = l.ect_at_school_period_id
           AND (mp.finished_on IS NULL OR mp.finished_on >= current_date)
         ORDER BY mp.started_on LIMIT 1) AS mentor_id,
       (SELECT min(ip.started_on) FROM induction_periods ip WHERE ip.teacher_id = l.teacher_id)
           AS induction_start,
       (SELECT ip.finished_on FROM induction_periods ip WHERE ip.teacher_id = l.teacher_id
         ORDER BY ip.started_on DESC LIMIT 1) AS latest_induction_end
FROM page
JOIN latest l ON l.teacher_id = page.id
JOIN teachers t ON t.id = page.id
LEFT JOIN ect_at_school_periods e ON e.id = l.ect_at_school_period_id
LEFT JOIN mentor_at_school_periods m ON m.id = l.mentor_at_school_period_id
JOIN schools s ON s.id = coalesce(e.school_id, m.school_id)
JOIN delivery_partners dp ON dp.id = l.delivery_partner_id
JOIN schedules sch ON sch.id = l.schedule_id
LEFT JOIN school_funding_eligibilities sfe
       ON sfe.gias_school_urn = s.urn AND sfe.contract_period_year = l.year
ORDER BY page.id, l.role
