//! `score_valence`: punctuation emphasis, compound normalisation, the pos/neg/neu sift, and
//! Python's `round()`.

use super::Scores;

/// `_amplify_ep`: up to 4 exclamation marks, 0.292 each.
pub(crate) fn amplify_ep(text: &str) -> f64 {
    let count = text.bytes().filter(|&b| b == b'!').count().min(4);
    count as f64 * 0.292
}

/// `_amplify_qm`: 2 or 3 question marks give 0.18 each; more give 0.96; one gives nothing.
pub(crate) fn amplify_qm(text: &str) -> f64 {
    let count = text.bytes().filter(|&b| b == b'?').count();
    if count > 1 {
        if count <= 3 {
            count as f64 * 0.18
        } else {
            0.96
        }
    } else {
        0.0
    }
}

/// `_punctuation_emphasis`.
pub(crate) fn punctuation_emphasis(text: &str) -> f64 {
    amplify_ep(text) + amplify_qm(text)
}

/// `_sift_sentiment_scores`: (sum of `s + 1` over positives, sum of `s - 1` over negatives,
/// number of zeros).
pub(crate) fn sift(sentiments: &[f64]) -> (f64, f64, usize) {
    let mut pos_sum = 0.0;
    let mut neg_sum = 0.0;
    let mut neu_count = 0;
    for &s in sentiments {
        if s > 0.0 {
            pos_sum += s + 1.0;
        }
        if s < 0.0 {
            neg_sum += s - 1.0;
        }
        if s == 0.0 {
            neu_count += 1;
        }
    }
    (pos_sum, neg_sum, neu_count)
}

/// Python's `round(x, digits)` for floats: the exact binary value rounded half-to-even to
/// `digits` decimals, then the nearest double. Exact for `|x| < 2^52 / 10^digits`.
pub(crate) fn py_round(x: f64, digits: i32) -> f64 {
    if !x.is_finite() {
        return x;
    }
    let scale = 10f64.powi(digits);
    let y = x * scale;
    if y.abs() >= 4_503_599_627_370_496.0 {
        return x; // already an integer multiple at this scale (not reached by VADER's outputs)
    }
    let fl = y.floor();
    let frac = y - fl; // exact
    let r = if frac > 0.5 {
        fl + 1.0
    } else if frac < 0.5 {
        fl
    } else {
        // y sits exactly on a half: the rounding error of x * scale decides, or, when the
        // product was exact, round half to even.
        let err = x.mul_add(scale, -y);
        if err > 0.0 {
            fl + 1.0
        } else if err < 0.0 || fl % 2.0 == 0.0 {
            fl
        } else {
            fl + 1.0
        }
    };
    if r == 0.0 {
        0.0f64.copysign(x)
    } else {
        r / scale
    }
}

/// `score_valence(sentiments, text)`, rounded as the reference's returned dict.
pub(crate) fn score_valence(sentiments: &[f64], text: &str) -> Scores {
    if sentiments.is_empty() {
        return Scores::default();
    }
    // Python's sum(): left to right from 0 (CPython 3.11; 3.12+ uses compensated summation).
    let mut sum_s = sentiments.iter().fold(0.0, |acc, &s| acc + s);
    let punct = punctuation_emphasis(text);
    if sum_s > 0.0 {
        sum_s += punct;
    } else if sum_s < 0.0 {
        sum_s -= punct;
    }
    let compound = super::normalize(sum_s, super::ALPHA);
    let (mut pos_sum, mut neg_sum, neu_count) = sift(sentiments);
    if pos_sum > neg_sum.abs() {
        pos_sum += punct;
    } else if pos_sum < neg_sum.abs() {
        neg_sum -= punct;
    }
    let total = pos_sum + neg_sum.abs() + neu_count as f64;
    Scores {
        neg: py_round((neg_sum / total).abs(), 3),
        neu: py_round((neu_count as f64 / total).abs(), 3),
        pos: py_round((pos_sum / total).abs(), 3),
        compound: py_round(compound, 4),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclamation_marks() {
        let cases: &[(&str, f64)] = &[
            ("", 0.0),
            ("good", 0.0),
            ("good!", 0.292),
            ("good!!", 2.0 * 0.292),
            ("good!!!", 3.0 * 0.292),
            ("good!!!!", 4.0 * 0.292),
            ("good!!!!!!!!", 4.0 * 0.292),
            ("a! b! c!", 3.0 * 0.292),
        ];
        for (t, want) in cases {
            assert_eq!(amplify_ep(t), *want, "{t:?}");
        }
    }

    #[test]
    fn question_marks() {
        let cases: &[(&str, f64)] = &[
            ("good", 0.0),
            ("good?", 0.0),
            ("good??", 2.0 * 0.18),
            ("good???", 3.0 * 0.18),
            ("good????", 0.96),
            ("a? b? c? d? e?", 0.96),
        ];
        for (t, want) in cases {
            assert_eq!(amplify_qm(t), *want, "{t:?}");
        }
        assert_eq!(punctuation_emphasis("wow!? really??"), 0.292 + 3.0 * 0.18);
    }

    #[test]
    fn sift_cases() {
        type Case<'a> = (&'a [f64], (f64, f64, usize));
        let cases: &[Case] = &[
            (&[], (0.0, 0.0, 0)),
            (&[0.0, 0.0], (0.0, 0.0, 2)),
            (&[1.9], (2.9, 0.0, 0)),
            (&[-2.5], (0.0, -3.5, 0)),
            (&[1.0, -1.0, 0.0, -0.0], (2.0, -2.0, 2)),
        ];
        for (s, want) in cases {
            assert_eq!(sift(s), *want, "{s:?}");
        }
    }

    #[test]
    fn python_round() {
        // Values checked against CPython 3.11's round().
        let cases: &[(f64, i32, f64)] = &[
            (0.0625, 3, 0.062), // exact tie: half to even
            (0.1875, 3, 0.188),
            (0.3125, 3, 0.312),
            (2.675, 2, 2.67), // 2.675 is below the tie in binary
            (0.5, 0, 0.0),
            (1.5, 0, 2.0),
            (2.5, 0, 2.0),
            (-0.00001, 4, -0.0),
            (0.12345, 4, 0.1235), // 0.12345 is above the tie in binary
            (0.4404, 4, 0.4404),
            (-0.5423, 4, -0.5423),
            (1.0, 3, 1.0),
            (0.0, 3, 0.0),
            (0.66666666, 3, 0.667),
            (-0.77777, 4, -0.7778),
        ];
        for &(x, d, want) in cases {
            let got = py_round(x, d);
            assert_eq!(got.to_bits(), want.to_bits(), "round({x}, {d}) = {got}");
        }
    }

    #[test]
    fn score_valence_cases() {
        assert_eq!(score_valence(&[], "anything!"), Scores::default());
        let s = score_valence(&[0.0, 1.9], "so good");
        assert_eq!(
            (s.neg, s.neu, s.pos, s.compound),
            (0.0, 0.256, 0.744, 0.4404)
        );
        let s = score_valence(&[0.0, 0.0], "the cake!");
        assert_eq!((s.neg, s.neu, s.pos, s.compound), (0.0, 1.0, 0.0, 0.0));
    }
}
