// A machine-readable 评价标准: how a measured value (a rate, a count of failed checklist items …) becomes a
// suggested score. Rules live in template JSON (see docs/templates.md); rules.cpp evaluates them and
// recognises the common phrasings in the 评价标准 text of tables typed by hand.
#pragma once

#include "core/text/decimal.hpp"

#include <optional>
#include <string>
#include <vector>

namespace jixiao {

enum class RuleKind {
    // rate above a threshold scores full; each `step` points below deducts `deduction` (资金到位率, 满意度).
    StepBelowThreshold,
    // rate at or above a threshold scores full; each point below deducts `weightShare` of the weight;
    // below `zeroBelow` scores 0 (预算执行率).
    WeightShareBelowThreshold,
    // measured / target × weight, capped at the weight (完成率).
    Proportional,
    // the first band whose lower bound the value reaches gives the score.
    Bands,
    // n checklist items, `deduction` points for each failed item; a severe failure scores 0.
    Checklist,
    // 评价标准 that a machine cannot compute (“按…实现程度计算得分”): the reviewer scores by judgement.
    Judgement,
};

struct ScoreBand {
    Decimal atLeast; // lower bound of the measured value, inclusive
    Decimal score;
    // Added so ScoringRule's defaulted == (and so Indicator's and Scorecard's) is not deleted.
    friend bool operator==(const ScoreBand&, const ScoreBand&) = default;
};

struct ScoringRule {
    RuleKind kind = RuleKind::Judgement;
    Decimal threshold;         // StepBelowThreshold, WeightShareBelowThreshold: in the value's unit (e.g. %)
    bool inclusive = false;    // full score at exactly the threshold? (> vs ≥)
    Decimal step = 1;          // StepBelowThreshold: width of one step below the threshold
    bool partialSteps = false; // StepBelowThreshold: does a started step count? false = whole steps only
    Decimal deduction;         // StepBelowThreshold, Checklist: points per step / per failed item
    Decimal weightShare;       // WeightShareBelowThreshold: fraction of the weight per point (0.01 = 1%)
    std::optional<Decimal> zeroBelow; // WeightShareBelowThreshold: below this the score is 0
    Decimal target;                   // Proportional: the value that earns the full weight
    std::vector<ScoreBand> bands;     // Bands: any order; evaluated highest bound first
    int items = 0;                    // Checklist: number of items (①②③…)
    // WeightShareBelowThreshold: is exactly `zeroBelow` already 0? "60%以下不计分" — 以下 includes the
    // number itself (民法典 art. 1259), so true there. Added last to keep aggregate initialisation
    // compatible.
    bool zeroInclusive = false;

    friend bool operator==(const ScoringRule&, const ScoringRule&) = default;
};

} // namespace jixiao
