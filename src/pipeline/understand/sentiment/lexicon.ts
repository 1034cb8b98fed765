// The finance sentiment lexicon, written for this project in the spirit of Loughran–McDonald (words
// whose tone is meant for company and market news, not movie reviews) plus the market's verbs of
// movement. Entries are lemmas; a multiword entry joins its lemmas with "_". Each list is a plain
// space-separated string so the vocabulary reads as a word list and stays easy to extend.

/** Words of movement: their sentiment comes from what moves (profit up is good, costs up are bad). */
export const MOVEMENT = {
  // Moves its subject: "profit rose", "sales slumped"; looks back for what moved first.
  upIntransitive: `rise climb jump surge soar rally rebound spike skyrocket rocket leap gain grow increase
    swell balloon outpace accelerate climb_back edge_up tick_up pick_up shoot_up
    go_up move_up inch_up creep_up`,
  downIntransitive: `fall drop decline decrease slump plunge tumble sink slide slip shrink contracted dip
    sag retreat plummet dive nosedive crash collapse tanked crater skid dwindle diminish erode decelerate
    evaporate shed lose edge_down tick_down go_down move_down inch_down`,
  // Moves its object: "cut costs", "raised its forecast"; looks ahead for what moved first.
  upTransitive: `raise lift boost hike double triple quadruple expand increase ramp_up step_up
    scale_up beef_up`,
  downTransitive: `cut reduce lower trim slash halve shed curb scale_back cut_back pare rein_in wind_down
    write_down dampen soften`,
  // Ambiguous outside market copy ("advanced products", "narrow passages"): movements only when
  // they name what moved or stand next to a figure.
  upNumeric: `advance firm widen top`,
  downNumeric: `narrow slow ease`,
  // Nouns of movement: "a rise in sales", "sales growth".
  upNoun: `rise increase growth gain jump surge rally rebound upturn uptick expansion hike spike boost
    improvement acceleration`,
  downNoun: `fall decline decrease drop slump plunge reduction cut contraction downturn slowdown dip
    erosion deceleration shortfall sell-off selloff`,
  // Comparative forms: "higher sales", "sales were higher".
  upAdjective: `higher up larger bigger greater upward upwards`,
  downAdjective: `lower down smaller fewer less downward downwards`,
  // Levels reached: "hit a record high", "at a 52-week low" (the tokenizer marks "three-year low").
  upLevel: `record_high all-time_high new_high year_high month_high week_high decade_high multi-year_high`,
  downLevel: `record_low all-time_low new_low year_low month_low week_low decade_low multi-year_low`,
} as const;

/**
 * What moves. Good quantities are ones an investor wants up; bad ones an investor wants down.
 * A good or bad quantity on its own carries no tone ("profit was 5 million") unless listed in TONE.
 */
export const QUANTITY = {
  good: `profit profitability earnings income revenue sale turnover ebit ebitda ebita eps margin dividend
    payout order orderbook order_book order_intake backlog booking demand share stock price valuation
    value market_share output production delivery volume traffic passenger customer subscriber user
    cash_flow cash liquidity return result performance outlook guidance forecast target estimate rating
    price_target index market gdp economy export investment productivity efficiency occupancy
    utilization asset equity reserve confidence sentiment spending employment job payroll
    headcount workforce staff employee capacity growth yield_on_capital net_asset_value nav
    operating_profit net_profit net_income earnings_per_share profit_per_share gross_margin operating_margin net_sales comparable_sales
    return_on_capital return_on_equity return_on_investment return_on_asset
    same-store_sales like-for-like_sales recovery premium rate_of_return dividend_per_share`,
  bad: `loss cost expense expenditure debt liability borrowing deficit unemployment jobless_rate
    jobless_claim layoff redundancy impairment write-down writedown write-off writeoff charge provision
    default delinquency bad_loan non-performing_loan arrears bankruptcy insolvency risk volatility
    uncertainty churn spread pressure headwind inflation net_loss operating_loss pre-tax_loss
    outflow short_interest leverage burn_rate cash_burn vacancy inventory stockpile tension worry fear
    concerns error defect complaint accident injury fatality emission downtime loss_per_share
    net_loss_per_share`,
} as const;

/** Tone of their own, whatever surrounds them. Weight 1 unless in a `weak` list. */
export const TONE = {
  positive: `beat exceed outperform upgrade strong robust healthy win profitable solid_growth
    solid_result solid_performance solid_demand solid_quarter solid_earnings secure_order secure_contract
    secure_deal secure_financing receive_approval win_approval gain_approval get_approval obtain_approval
    success successful successfully favorable favourable positive opportunity breakthrough best optimistic
    upbeat bullish overweight improve improvement recover recovery strengthen turnaround
    boom booming thrive thriving resilient resilience encouraging impressive excellent
    record-breaking upside attractive momentum top_estimate top_expectation top_forecast
    better_than_expected stronger_than_expected above_expectation ahead_of_expectation
    above_estimate ahead_of_estimate above_forecast ahead_of_forecast surpass exceed_expectation
    swing_to_profit swing_to_a_profit turn_to_profit turn_to_a_profit return_to_profit
    return_to_profitability back_in_the_black breakout all-time_high outperformance
    raise_guidance raise_outlook strong_demand record_profit record_sales record_revenue
    record_earnings record_result cost_saving cost_savings rebound_strongly gainer winner awarded
    meet_target meet_expectation meet_forecast meet_estimate meet_guidance satisfied satisfy succeed_in win-win progress_well perform_well go_well sell_well do_well
    buy_recommendation buy_rating outperform_rating overweight_rating upgrade_to_buy strong_buy
    buoy buoyant bolster cheer hail clinch seal_deal bounce_back green_light bumper
    windfall upgrade_to overdeliver`,
  weakPositive: `invest expand expansion new_order contract_win growth grow increase good great better
    benefit advantage strength efficient confident confidence gain rally rise innovative leading leader
    milestone partnership approval approve competitive create_value win_order land_order land_contract land_deal receive_order sign_contract
    new_contract award buyback share_buyback dividend_increase steady stable support boost welcome
    progress accretive synergy synergies oversold double triple create_job add_job hire recruit savings
    outpace`,
  negative: `miss downgrade weak weakness warn warning profit_warning layoff lay_off laid_off job_cut
    cut_job redundancy bankruptcy bankrupt insolvency insolvent default lawsuit sue litigation fined
    penalty probe investigation fraud scandal recall halt suspend suspension delay impairment writedown
    write-down write-off loss-making disappointing disappoint underperform bearish underweight
    slowdown recession crisis turmoil struggle shortfall downturn negative adverse adversely closure
    shutdown shut_down strike walkout dispute sanction volatile problem difficult difficulty
    challenging headwind fail failure unprofitable impaired doubt terminate termination cancel
    cancellation damage hurt hamper weigh_on weigh_heavily drag_on drag_down worst worse poor poorly bad bleak
    gloomy pessimistic sluggish stagnant stagnate deteriorate deterioration worsen plunge tumble
    slump crash collapse tank plummet downside breakdown violation illegal indict charge_with
    accuse allegation investigate subpoena bribery corruption embezzlement sell-off selloff 
    below_expectation below_estimate below_forecast short_of_expectation short_of_estimate
    short_of_forecast miss_estimate miss_expectation miss_forecast worse_than_expected
    weaker_than_expected swing_to_loss swing_to_a_loss turn_to_loss turn_to_a_loss plunge_into
    into_the_red in_the_red cut_guidance cut_outlook lower_guidance lower_outlook profit_warning
    temporary_layoff furlough job_loss lose_job cut_workforce close_plant plant_closure overdue
    downgraded loser dilution dilutive overbought bubble panic fear  worry jitters tension
    uncertain uncertainty setback concerns concerned_about concern_about concern_over raise_concern
    axed axing routed sell_recommendation sell_rating underperform_rating
    underweight_rating downgrade_to_sell  woe blow quit resign oust ousted bailout reject 
    ban threat batter hammer slam criticise criticize criticism headache falter downbeat gloom
    stumble tumult boycott protest crackdown plague scrap abandon exodus flee jeopardy jeopardise
    jeopardize shortage outage breach hack cyberattack lawsuit_against class_action downgrade_to
    profit_slump sales_slump`,
  weakNegative: `loss deficit risk pressure restructuring cautious caution subdued volatility
    competitive_pressure hit_by exposure challenge slowing weaken lose decline fall drop
    unemployment`,
} as const;

/** Amounts with no tone of their own, named so that a movement of them ("raised capital") stays neutral. */
/** Phrases that look toned but are not: they absorb their words. */
export const NEUTRAL_PHRASES = `decline_to_comment decline_comment in_line_with_expectation in_line_with_estimate
  in_line_with_forecast in_line_with_guidance growth_market growth_company emerging_market subject_to_approval
  require_approval pending_approval await_approval seek_approval subject_to_regulatory_approval` as const;

export const NEUTRAL_QUANTITY = `share_capital capital fund money stake number_of_shares voting_right
  outstanding_share shares_outstanding proceeds` as const;

/** Flip the tone of what follows in the same clause. */
export const NEGATORS = `not no never n't without neither nor none nothing cannot fail_to failed_to unable_to
  no_longer lack lack_of absence_of` as const;

/** Multiply the tone of the next toned word ("rose sharply", "a slight decline"). */
export const INTENSITY = {
  strong: `sharply significantly substantially strongly considerably dramatically markedly steeply sharp
    steep significant substantial massive huge big record heavily hugely very highly deeply severely
    greatly much far strong biggest largest sizable sizeable major surging soaring tremendous`,
  weak: `slightly marginally somewhat modestly slight modest small mildly partly moderately little
    a_bit a_little minor fractionally`,
} as const;

/** Clause words: after "but" the speaker's point; before a comma after "despite" a concession. */
export const CONTRAST_AFTER = `but however yet nevertheless nonetheless` as const;
export const CONCESSION = `despite in_spite_of although though while whereas notwithstanding even_though amid
  amidst` as const;

/** Irregular verb forms mapped to their lemma; regular inflections are stripped by rule. */
export const IRREGULAR_FORMS: Readonly<Record<string, string>> = {
  rose: 'rise',
  risen: 'rise',
  fell: 'fall',
  fallen: 'fall',
  grew: 'grow',
  grown: 'grow',
  sank: 'sink',
  sunk: 'sink',
  slid: 'slide',
  shrank: 'shrink',
  shrunk: 'shrink',
  lost: 'lose',
  won: 'win',
  led: 'lead',
  struck: 'strike',
  laid: 'lay',
  paid: 'pay',
  sold: 'sell',
  took: 'take',
  broke: 'break',
  broken: 'break',
  swung: 'swing',
  spent: 'spend',
  held: 'hold',
  bought: 'buy',
  overtook: 'overtake',
  shot: 'shoot',
  went: 'go',
  gone: 'go',
  outgrew: 'outgrow',
  undercut: 'undercut',
  beaten: 'beat',
  dove: 'dive',
  wrote: 'write',
  written: 'write',
  leapt: 'leap',
  fought: 'fight',
  saw: 'see',
  seen: 'see',
  hit: 'hit',
  cut: 'cut',
  shed: 'shed',
  beat: 'beat',
  put: 'put',
  set: 'set',
  upset: 'upset',
  forecast: 'forecast',
  sped: 'speed',
  drove: 'drive',
  driven: 'drive',
  met: 'meet',
  fed: 'feed',
  lent: 'lend',
  underwent: 'undergo',
};

/** Words not to strip an "s"/"ed" from even though a shorter lemma exists. */
export const KEEP_AS_IS = `news gas loss less analysis basis series species bus plus us its this has was
  thus ties does goods recorded` as const;
