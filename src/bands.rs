//! The seven-band scale: one place for the thresholds, the stable keys and the English labels.

use serde::Serialize;

/// Below this absolute score a text is neutral.
pub const NEUTRAL_BELOW: f64 = 0.05;
/// From [`NEUTRAL_BELOW`] up to this absolute score a text is "mildly" positive or negative.
pub const MILD_BELOW: f64 = 0.35;
/// From [`MILD_BELOW`] up to this absolute score a text is plainly positive or negative; at or above it, "very".
pub const PLAIN_BELOW: f64 = 0.65;

/// A band of the seven-band tone scale.
///
/// Serialises as its stable key (`"mildly_positive"`); UIs map the key to a localised string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    /// score ≤ -0.65
    VeryNegative,
    /// -0.65 < score ≤ -0.35
    Negative,
    /// -0.35 < score ≤ -0.05
    MildlyNegative,
    /// |score| < 0.05
    Neutral,
    /// 0.05 ≤ score < 0.35
    MildlyPositive,
    /// 0.35 ≤ score < 0.65
    Positive,
    /// score ≥ 0.65
    VeryPositive,
}

impl Band {
    /// All bands, from most negative to most positive.
    pub const ALL: [Band; 7] = [
        Band::VeryNegative,
        Band::Negative,
        Band::MildlyNegative,
        Band::Neutral,
        Band::MildlyPositive,
        Band::Positive,
        Band::VeryPositive,
    ];

    /// The band of a score in [-1, 1]. A NaN score is neutral.
    pub fn of(score: f64) -> Band {
        let magnitude = score.abs();
        if magnitude.is_nan() || magnitude < NEUTRAL_BELOW {
            return Band::Neutral;
        }
        let positive = score > 0.0;
        match (magnitude < MILD_BELOW, magnitude < PLAIN_BELOW, positive) {
            (true, _, true) => Band::MildlyPositive,
            (true, _, false) => Band::MildlyNegative,
            (false, true, true) => Band::Positive,
            (false, true, false) => Band::Negative,
            (false, false, true) => Band::VeryPositive,
            (false, false, false) => Band::VeryNegative,
        }
    }

    /// The stable key, e.g. `"mildly_positive"`.
    pub fn key(self) -> &'static str {
        match self {
            Band::VeryNegative => "very_negative",
            Band::Negative => "negative",
            Band::MildlyNegative => "mildly_negative",
            Band::Neutral => "neutral",
            Band::MildlyPositive => "mildly_positive",
            Band::Positive => "positive",
            Band::VeryPositive => "very_positive",
        }
    }

    /// The English label, e.g. `"mildly positive"`.
    pub fn label(self) -> &'static str {
        match self {
            Band::VeryNegative => "very negative",
            Band::Negative => "negative",
            Band::MildlyNegative => "mildly negative",
            Band::Neutral => "neutral",
            Band::MildlyPositive => "mildly positive",
            Band::Positive => "positive",
            Band::VeryPositive => "very positive",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        score: f64,
        band: Band,
    }

    #[test]
    fn thresholds_match_the_documented_scale() {
        let cases = [
            Case {
                score: 0.0,
                band: Band::Neutral,
            },
            Case {
                score: 0.0499,
                band: Band::Neutral,
            },
            Case {
                score: -0.0499,
                band: Band::Neutral,
            },
            Case {
                score: 0.05,
                band: Band::MildlyPositive,
            },
            Case {
                score: -0.05,
                band: Band::MildlyNegative,
            },
            Case {
                score: 0.30,
                band: Band::MildlyPositive,
            },
            Case {
                score: 0.3499,
                band: Band::MildlyPositive,
            },
            Case {
                score: 0.35,
                band: Band::Positive,
            },
            Case {
                score: -0.35,
                band: Band::Negative,
            },
            Case {
                score: 0.6499,
                band: Band::Positive,
            },
            Case {
                score: 0.65,
                band: Band::VeryPositive,
            },
            Case {
                score: -0.65,
                band: Band::VeryNegative,
            },
            Case {
                score: 1.0,
                band: Band::VeryPositive,
            },
            Case {
                score: -1.0,
                band: Band::VeryNegative,
            },
            Case {
                score: f64::NAN,
                band: Band::Neutral,
            },
        ];
        for case in cases {
            assert_eq!(Band::of(case.score), case.band, "score {}", case.score);
        }
    }

    #[test]
    fn keys_and_labels_agree() {
        for band in Band::ALL {
            assert_eq!(band.key().replace('_', " "), band.label());
        }
    }
}
