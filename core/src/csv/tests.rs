//! Tests of the import path.

use super::*;
use crate::claim::{ClaimKind, Verdict};
use crate::date::Date;
use crate::figure::Figure;
use crate::indicator::Unit;
use crate::period::Period;
use crate::target::Comparison;
use std::string::ToString;
use std::vec::Vec as StdVec;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const HEADER: &str =
    "id,indicator,period,status,qualifier,value,stated,denominator,report,quote,note";

fn header(columns: &[Field]) -> std::string::String {
    let mut s = std::string::String::new();
    write_header(&mut s, columns).unwrap();
    s.pop();
    s
}

fn records(text: &str) -> StdVec<Result<StdVec<std::string::String>>> {
    Records::new(text)
        .map(|r| r.map(|rec| rec.fields().iter().map(|t| t.to_string()).collect()))
        .collect()
}

#[test]
fn quoting_line_ends_and_bom() {
    let text = "\u{feff}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\n\n\n";
    let r = records(text);
    assert_eq!(r.len(), 3);
    assert_eq!(r[0].as_ref().unwrap(), &["a", "b"]);
    assert_eq!(r[1].as_ref().unwrap(), &["x, y", "say \"hi\""]);
    assert_eq!(r[2].as_ref().unwrap(), &["two\nlines", "z"]);
    // Lines: the third record starts on line 3 and spans two lines.
    let lines: StdVec<u32> = Records::new(text).map(|r| r.unwrap().line()).collect();
    assert_eq!(lines, [1, 2, 3]);
    // No final line end, and blank lines in the middle.
    let lines: StdVec<u32> = Records::new("a\n\n\nb\r\n\r\nc")
        .map(|r| r.unwrap().line())
        .collect();
    assert_eq!(lines, [1, 4, 6]);
    // Empty fields.
    assert_eq!(records("a,,\n")[0].as_ref().unwrap(), &["a", "", ""]);
    assert!(records("").is_empty());
    assert!(records("\r\n\n").is_empty());
}

#[test]
fn text_borrows_and_unescapes() {
    let text = "\"plain\",\"with \"\"q\"\"\"\n";
    let rec = Records::new(text).next().unwrap().unwrap();
    let (a, b) = (rec.get(0).unwrap(), rec.get(1).unwrap());
    assert_eq!(a.as_str(), Some("plain"));
    assert_eq!(b.as_str(), None);
    assert_eq!(b.raw(), "with \"\"q\"\"");
    assert!(b.eq_str("with \"q\""));
    let mut buf = [0u8; 16];
    assert_eq!(b.unescape_into(&mut buf).unwrap(), "with \"q\"");
    let mut small = [0u8; 4];
    assert!(matches!(
        b.unescape_into(&mut small),
        Err(Error::Capacity { .. })
    ));
    // Borrowed: the pointer lies inside the input.
    let start = text.as_ptr() as usize;
    let p = a.as_str().unwrap().as_ptr() as usize;
    assert!(p > start && p < start + text.len());
}

#[test]
fn malformed_quoting_is_an_error_with_its_line() {
    let r = records("a,b\nx\"y,z\n\"ok\",w\n");
    assert!(r[0].is_ok());
    assert_eq!(
        r[1],
        Err(Error::Parse {
            line: 2,
            field: Field::Header,
            expected: Expected::CsvQuote
        })
    );
    // The next record is read normally.
    assert_eq!(r[2].as_ref().unwrap(), &["ok", "w"]);
    let r = records("\"abc\"def,x\n");
    assert!(r[0].is_err());
    let many = "a,".repeat(MAX_FIELDS) + "a\nb\n";
    let r = records(&many);
    assert!(matches!(r[0], Err(Error::Parse { line: 1, .. })));
    assert_eq!(r[1].as_ref().unwrap(), &["b"]);
}

fn obs(rows: &str) -> std::string::String {
    let mut s = std::string::String::from(HEADER);
    s.push('\n');
    s.push_str(rows);
    s
}

#[test]
fn observation_rows() {
    let text = obs(
        "a,ndxp_tx,2022-09,observed,exact,58397139,58.397.139,,r000,\"có 58.397.139, x\",\n\
         b,cdt,2022-09-30,observed,exact,61,61,63,r000,61/63 địa phương,\n\
         c,pct,2022-09-30,observed,about,97.3,\"97,3%\",,r000,\"đạt mức 97,3%\",\n",
    );
    let rows: StdVec<_> = read::<ObservationRow>(&text).unwrap().collect();
    let a = rows[0].as_ref().unwrap();
    assert_eq!(a.line, 2);
    assert_eq!(a.precision, 1.0);
    assert_eq!(a.period, Period::month(2022, 9).unwrap());
    assert!(a.quote.eq_str("có 58.397.139, x"));
    let b = rows[1].as_ref().unwrap();
    assert_eq!(b.denominator_value, Some(63.0));
    assert_eq!(b.denominator_figure().unwrap().unwrap().value, 63.0);
    let c = rows[2].as_ref().unwrap();
    assert!((c.precision - 0.1).abs() < 1e-15);
    let fig = c.figure().unwrap();
    assert!(fig.range().contains(97.25) && fig.range().contains(97.35));
    assert_eq!(first_error::<ObservationRow>(&text), Ok(3));
}

#[test]
fn observation_definitions() {
    // With the definition column: empty is the indicator's usual definition.
    let text = header(&ObservationRow::COLUMNS[..12])
        + "
a,share,2022-12-31,estimate,exact,52.8,\"52,80%\",,r004,\"là 52,80%\",,processed_online\n\
           b,share,2024-04-30,observed,about,38.3,\"38,3%\",,r002,\"khoảng 38,3%\",,\n\
           c,share,2024-04-30,observed,about,38.3,\"38,3%\",,r002,\"khoảng 38,3%\",,a b\n";
    let rows: StdVec<_> = read::<ObservationRow>(&text).unwrap().collect();
    assert_eq!(
        rows[0].as_ref().unwrap().definition,
        Some("processed_online")
    );
    assert_eq!(rows[1].as_ref().unwrap().definition, None);
    assert!(matches!(
        rows[2],
        Err(Error::Parse {
            line: 4,
            field: Field::Definition,
            expected: Expected::Identifier,
        })
    ));
    // A file written before the column existed reads as before.
    let old = obs("a,share,2024-04-30,observed,about,38.3,\"38,3%\",,r002,q,\n");
    let rows: StdVec<_> = read::<ObservationRow>(&old).unwrap().collect();
    assert_eq!(rows[0].as_ref().unwrap().definition, None);
}

#[test]
fn observation_errors_name_line_and_column() {
    let cases: [(&str, &str); 7] = [
        ("a,x,2022-09,seen,exact,1,1,,r,q,", "status"),
        ("a,x,2022-09,observed,roughly,1,1,,r,q,", "qualifier"),
        ("a,x,2022-09,observed,exact,1.2.3,,,r,q,", "value"),
        ("a,x,2022-09,observed,exact,2,1,,r,q,", "stated"),
        ("a,x,2022-02-30,observed,exact,1,1,,r,q,", "period"),
        ("a b,x,2022-09,observed,exact,1,1,,r,q,", "id"),
        ("a,x,2022-09,observed,exact,1,1,,r,q", "note"),
    ];
    for (row, field) in cases {
        let text =
            obs(&(std::string::String::from("ok,x,2022,observed,exact,1,1,,r,q,\n") + row + "\n"));
        let rows: StdVec<_> = read::<ObservationRow>(&text).unwrap().collect();
        assert!(rows[0].is_ok(), "{row}");
        match rows[1] {
            Err(Error::Parse { line, field: f, .. }) => {
                assert_eq!((line, f.code()), (3, field), "{row}");
            }
            ref other => panic!("{row}: {other:?}"),
        }
    }
}

#[test]
fn header_is_checked() {
    assert!(matches!(
        read::<ObservationRow>(""),
        Err(Error::Parse {
            line: 1,
            field: Field::Id,
            ..
        })
    ));
    let swapped = HEADER.replace("period,status", "status,period");
    assert!(matches!(
        read::<ObservationRow>(&swapped),
        Err(Error::Parse {
            line: 1,
            field: Field::Period,
            ..
        })
    ));
    let extra = std::string::String::from(HEADER) + ",definition,quote_en,note_vi,more";
    assert!(matches!(
        read::<ObservationRow>(&extra),
        Err(Error::Parse {
            field: Field::ExtraField,
            ..
        })
    ));
    // The optional last column, if present, has its own name.
    let other = std::string::String::from(HEADER) + ",more";
    assert!(matches!(
        read::<ObservationRow>(&other),
        Err(Error::Parse {
            field: Field::Definition,
            ..
        })
    ));
    assert_eq!(first_error::<ObservationRow>(HEADER), Ok(0));
}

#[test]
fn notes_in_vietnamese_and_glosses_of_quotes() {
    // With the columns: each row's own texts, doubled quotes undone.
    let text = header(ObservationRow::COLUMNS)
        + "
a,x,2022,observed,exact,2,2,,r,\"có 2, x\",A note.,,\"2, x \"\"here\"\"\",Một ghi chú.\n\
           b,x,2022,observed,exact,3,3,,r,,,,,\n";
    let rows: StdVec<ObservationRow> = read(&text).unwrap().map(|r| r.unwrap()).collect();
    assert_eq!(rows[0].quote_en.to_string(), "2, x \"here\"");
    assert_eq!(rows[0].note_vi.to_string(), "Một ghi chú.");
    assert!(rows[1].quote_en.is_empty() && rows[1].note_vi.is_empty());
    let tgt = header(TargetRow::COLUMNS) + "\nt,x,2023,>=,1,1,r,q,,gloss,ghi chú\n";
    let t = read::<TargetRow>(&tgt).unwrap().next().unwrap().unwrap();
    assert_eq!(
        (t.quote_en.to_string(), t.note_vi.to_string()),
        ("gloss".into(), "ghi chú".into())
    );
    let ind =
        header(IndicatorRow::COLUMNS) + "\nx,X,X,count,flow,government,0,,,A note.,,Ghi chú.\n";
    let i = read::<IndicatorRow>(&ind).unwrap().next().unwrap().unwrap();
    assert_eq!(i.note_vi.to_string(), "Ghi chú.");
    let claims = header(ClaimRow::COLUMNS)
        + "\nc,r,cross_check,sum,,5,5,exact,o:a o:b,agree,q,n,gloss,ghi chú\n";
    let c = read::<ClaimRow>(&claims).unwrap().next().unwrap().unwrap();
    assert_eq!(
        (c.quote_en.to_string(), c.note_vi.to_string()),
        ("gloss".into(), "ghi chú".into())
    );
    // Files written before them read with them empty; a file with the gloss
    // column only reads too (the columns may be left out from the last).
    let old = obs("a,x,2022,observed,exact,2,2,,r,q,n\n");
    let o = read::<ObservationRow>(&old)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert!(o.quote_en.is_empty() && o.note_vi.is_empty());
    let glossed =
        header(&ObservationRow::COLUMNS[..13]) + "\na,x,2022,observed,exact,2,2,,r,q,n,,gloss\n";
    let o = read::<ObservationRow>(&glossed)
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(
        (o.quote_en.to_string(), o.note_vi.is_empty()),
        ("gloss".into(), true)
    );
}

#[test]
fn claim_rows() {
    let header = header(&ClaimRow::COLUMNS[..12]);
    let text = header.clone()
        + "\nc1,r001,report,multiple,2022,\"4,8\",4.8,exact,o:a o:b,agree,\"gấp 4,8 lần\",\n\
           c2,r001,cross_check,period_total,2022-01-01/2022-09-30,,,,o:c,cannot_check,,\n\
           c3,r001,report,multiple,2022,\"4,8\",4.8,,o:a o:b,agree,,\n\
           c4,r001,report,multiple,2022,\"4,8\",4.8,exact,o:a,agree,,\n\
           c5,r001,report,multiple,2022,\"4,8\",4.8,exact,o:a x:b,agree,,\n\
           c6,r004,report,at_most,,,,,o:a o:b o:c,agree,trong đó,\n\
           c7,r004,report,at_most,,1,1,exact,o:a o:b,agree,,\n";
    let rows: StdVec<_> = read::<ClaimRow>(&text).unwrap().collect();
    let c1 = rows[0].as_ref().unwrap();
    assert_eq!(c1.kind, ClaimKind::Multiple);
    assert_eq!(
        c1.refs().collect::<StdVec<_>>(),
        [Ref::Observation("a"), Ref::Observation("b")]
    );
    let claim = c1
        .claim(|r| match r {
            Ref::Observation("a") => Ok(Some(Figure::exact(96.0)?)),
            Ref::Observation("b") => Ok(Some(Figure::exact(20.0)?)),
            _ => Err(Error::InvalidArgument {
                name: Field::Reference,
                expected: Expected::KnownReference,
            }),
        })
        .unwrap();
    assert_eq!(claim.check().unwrap().verdict, Verdict::Agree);
    let c2 = rows[1].as_ref().unwrap();
    assert_eq!(c2.stated_figure().unwrap(), None);
    assert!(matches!(
        rows[2],
        Err(Error::Parse {
            line: 4,
            field: Field::Qualifier,
            ..
        })
    ));
    assert!(matches!(
        rows[3],
        Err(Error::Parse {
            line: 5,
            field: Field::Inputs,
            ..
        })
    ));
    assert!(matches!(
        rows[4],
        Err(Error::Parse {
            line: 6,
            field: Field::Inputs,
            ..
        })
    ));
    // A bound: parts first, the whole last, and no stated figure.
    let c6 = rows[5].as_ref().unwrap();
    assert_eq!((c6.kind, c6.refs().count()), (ClaimKind::AtMost, 3));
    assert_eq!(c6.stated_figure().unwrap(), None);
    assert!(matches!(
        rows[6],
        Err(Error::Parse {
            line: 8,
            field: Field::Stated,
            expected: Expected::NoStatedFigure,
        })
    ));
    assert_eq!(Ref::parse("?"), Ok(Ref::Missing));
    assert_eq!(Ref::parse("t:x"), Ok(Ref::Target("x")));
    assert_eq!(Ref::parse("s:x"), Ok(Ref::Stated("x")));
    assert_eq!(Ref::parse("n:100"), Ok(Ref::Number("100")));
    assert!(Ref::parse("n:1e999").is_err());
    assert!(Ref::parse("n:abc").is_err());
    assert!(Ref::parse("o:").is_err());
}

#[test]
fn indicator_target_report_rows() {
    let ind = header(&IndicatorRow::COLUMNS[..11])
        + "\nndxp_tx,Giao dịch,Transactions,count,flow,government,0,,,,ndxp\n\
           bad,x,y,count,flow,government,5,1,,,\n";
    let rows: StdVec<_> = read::<IndicatorRow>(&ind).unwrap().collect();
    let i = rows[0].as_ref().unwrap().indicator().unwrap();
    assert_eq!(
        (i.id, i.unit, i.bounds.min, i.bounds.max, i.quantity),
        ("ndxp_tx", Unit::Count, Some(0.0), None, Some("ndxp"))
    );
    // A file written before the quantity column existed still reads.
    let old = header(&IndicatorRow::COLUMNS[..10])
        + "\nndxp_tx,Giao dịch,Transactions,count,flow,government,0,,,\n";
    let old_rows: StdVec<_> = read::<IndicatorRow>(&old).unwrap().collect();
    assert_eq!(old_rows[0].as_ref().unwrap().quantity, None);
    // But every row of a file has its header's columns.
    let short = header(&IndicatorRow::COLUMNS[..11])
        + "\nndxp_tx,Giao dịch,Transactions,count,flow,government,0,,,\n";
    let short_rows: StdVec<_> = read::<IndicatorRow>(&short).unwrap().collect();
    assert!(matches!(
        short_rows[0],
        Err(Error::Parse {
            line: 2,
            field: Field::Quantity,
            ..
        })
    ));
    assert!(matches!(
        rows[1],
        Err(Error::Parse {
            line: 3,
            field: Field::Max,
            ..
        })
    ));
    let tgt = header(&TargetRow::COLUMNS[..9])
        + "\nt1,ndxp_tx,2023,>,860000000,860 triệu,r001,lớn hơn 860 triệu giao dịch,\n";
    let t = read::<TargetRow>(&tgt).unwrap().next().unwrap().unwrap();
    let target = t.target().unwrap();
    assert_eq!(target.deadline, Date::from_ymd(2023, 12, 31).unwrap());
    assert_eq!(target.comparison, Comparison::GreaterThan);
    assert_eq!(t.figure().unwrap().range().lo(), 860e6);
    let rep =
        header(ReportRow::COLUMNS) + "\nr001,001_x.txt,2022-12,2022,2022-12-08,Year review,\n";
    let r = read::<ReportRow>(&rep).unwrap().next().unwrap().unwrap();
    assert_eq!(r.as_of.ordinal(), 342);
}

#[test]
fn every_line_end_counts_one_line() {
    // The third row has month 13; LF, CRLF, lone CR (old Mac, some
    // exports) and a mix all put its error on line 4, after a blank line.
    for end in ["\n", "\r\n", "\r"] {
        let row = "ok,x,2022,observed,exact,1,1,,r,q,";
        let text = [
            HEADER,
            row,
            "",
            row,
            "bad,x,2022-13,observed,exact,1,1,,r,q,",
            "",
        ]
        .join(end);
        let rows: StdVec<_> = read::<ObservationRow>(&text).unwrap().collect();
        assert_eq!(rows.len(), 3, "{end:?}");
        assert_eq!(rows[1].as_ref().unwrap().line, 4, "{end:?}");
        assert!(
            matches!(
                rows[2],
                Err(Error::Parse {
                    line: 5,
                    field: Field::Period,
                    ..
                })
            ),
            "{end:?}: {:?}",
            rows[2]
        );
    }
    // A quoted field spanning lines moves the next record down by its breaks.
    let text = format!("{HEADER}\r\nok,x,2022,observed,exact,1,1,,r,\"a\rb\r\nc\",\rbad,x,2022-13,observed,exact,1,1,,r,q,\r");
    let rows: StdVec<_> = read::<ObservationRow>(&text).unwrap().collect();
    assert!(
        matches!(rows[1], Err(Error::Parse { line: 5, .. })),
        "{:?}",
        rows[1]
    );
}

#[test]
fn claims_refer_to_earlier_claims_only() {
    let obs = obs("a,x,2022,observed,exact,2,2,,r,q,\nb,x,2022,observed,exact,3,3,,r,q,");
    let observations: StdVec<ObservationRow> = read(&obs).unwrap().map(|r| r.unwrap()).collect();
    let text = header(&ClaimRow::COLUMNS[..12])
        + "\nc1,r,cross_check,sum,,5,5,exact,o:a o:b,agree,,\n\
           c2,r,cross_check,sum,,10,10,exact,c:c1 s:c1,agree,,\n\
           c3,r,cross_check,sum,,1,1,exact,c:c4 o:a,cannot_check,,\n\
           c4,r,cross_check,sum,,5,5,exact,o:a o:b,agree,,\n\
           c1,r,cross_check,sum,,4,4,exact,o:a o:a,agree,,\n\
           c5,r,cross_check,sum,,10,10,exact,c:c1 o:zz,agree,,\n";
    let claims: StdVec<ClaimRow> = read(&text).unwrap().map(|r| r.unwrap()).collect();
    let mut out = StdVec::new();
    out.resize(
        claims.len(),
        Err(Error::Empty {
            what: Field::Outcomes,
        }),
    );
    let mut index = [0; 8];
    assert!(matches!(
        check_claims(&claims, &observations, &[], &mut out, &mut index[..7]),
        Err(Error::Capacity { .. })
    ));
    check_claims(&claims, &observations, &[], &mut out, &mut index).unwrap();
    let verdict = |i: usize| out[i].as_ref().map(|o| o.check.verdict);
    assert_eq!(verdict(0), Ok(Verdict::Agree));
    // c1's recomputed 5 plus its stated 5.
    assert_eq!(verdict(1), Ok(Verdict::Agree));
    // c4 comes later: an error for c3 only.
    assert!(matches!(
        out[2],
        Err(Error::Parse {
            line: 4,
            field: Field::Inputs,
            ..
        })
    ));
    assert_eq!(verdict(3), Ok(Verdict::Agree));
    // A repeated id names its first row.
    assert_eq!(verdict(4), Ok(Verdict::Agree));
    assert!(out[5].is_err());
}

/// A row given as fields reads as the same line of a file, errors included.
#[test]
fn fields_read_as_the_line_of_a_file() {
    let lines = [
        // The reports' own row (data/observations.csv), quote with a comma.
        "r000-a,ndxp_tx,2022-09,observed,exact,58397139,58.397.139,,r000,\"có 58.397.139 giao dịch, qua NDXP\",",
        // Month 13, a stated figure that is not the value, a short row.
        "r000-b,ndxp_tx,2022-13,observed,exact,1,1,,r000,x,",
        "r000-c,ndxp_tx,2022-09,observed,exact,2,1,,r000,x,",
        "r000-d,ndxp_tx,2022-09,observed,exact,1,1,,r000,x",
    ];
    for line in lines {
        let text = std::format!("{HEADER}\n{line}\n");
        let from_file = read::<ObservationRow>(&text).unwrap().next().unwrap();
        let record = Records::new(&text).nth(1).unwrap().unwrap();
        let fields: StdVec<std::string::String> =
            record.fields().iter().map(|t| t.to_string()).collect();
        let borrowed: StdVec<&str> = fields.iter().map(std::string::String::as_str).collect();
        let given = parse_row::<ObservationRow>(&Record::from_fields(2, &borrowed).unwrap());
        match (from_file, given) {
            (Ok(a), Ok(b)) => {
                assert_eq!((a.id, a.value, a.period), (b.id, b.value, b.period));
                assert_eq!(a.quote.to_string(), b.quote.to_string());
            }
            (a, b) => assert_eq!(a.map(|r| r.line), b.map(|r| r.line), "{line}"),
        }
    }
    let many = ["x"; MAX_FIELDS + 1];
    assert_eq!(
        Record::from_fields(7, &many),
        Err(Error::Parse {
            line: 7,
            field: Field::ExtraField,
            expected: Expected::FieldsPerRow
        })
    );
}

/// A file as a spreadsheet program in a decimal-comma language saves it:
/// semicolons between fields, commas inside them, quoted only where a field
/// holds a semicolon, a quote or a line break; every line end counts once.
#[test]
fn other_delimiters_read_as_commas_do() {
    let header = HEADER.replace(',', ";");
    for end in ["\n", "\r\n", "\r"] {
        let text = [
            header.as_str(),
            "a;ndxp_tx;2022;observed;exact;1500000;1,5 triệu;;r;\"x; \"\"y\"\"\";",
            "",
            "b;ndxp_tx;2022-13;observed;exact;1;1;;r;q;",
            "",
        ]
        .join(end);
        let rows: StdVec<_> = read_with::<ObservationRow>(&text, Delimiter::Semicolon)
            .unwrap()
            .collect();
        assert_eq!(rows.len(), 2, "{end:?}");
        let a = rows[0].as_ref().unwrap();
        assert_eq!((a.line, a.value), (2, 1.5e6));
        assert_eq!(a.stated.to_string(), "1,5 triệu");
        assert_eq!(a.quote.to_string(), "x; \"y\"");
        assert!(
            matches!(
                rows[1],
                Err(Error::Parse {
                    line: 4,
                    field: Field::Period,
                    ..
                })
            ),
            "{end:?}: {:?}",
            rows[1]
        );
        // Read with commas, the same file has a one-column header.
        assert!(matches!(
            read::<ObservationRow>(&text),
            Err(Error::Parse { line: 1, .. })
        ));
    }
    // Tabs, a byte-order mark, and a comma that is only text.
    let text = "\u{feff}a\tb,c\t\"d\te\"\n";
    let fields: StdVec<std::string::String> = Records::with_delimiter(text, Delimiter::Tab)
        .next()
        .unwrap()
        .unwrap()
        .fields()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(fields, ["a", "b,c", "d\te"]);
    assert_eq!(Delimiter::ALL.map(Delimiter::char), [',', ';', '\t']);
    assert_eq!(Delimiter::default(), Delimiter::Comma);
}

#[test]
fn record_errors_give_the_field_index() {
    let text = "a;b;c\nx;y;z\"\n1;\"2\"3\"\n";
    let mut r = Records::with_delimiter(text, Delimiter::Semicolon);
    assert!(r.next_record().unwrap().is_ok());
    let errors: StdVec<RecordError> = core::iter::from_fn(|| r.next_record())
        .map(|x| x.unwrap_err())
        .collect();
    assert_eq!(
        errors,
        [
            RecordError {
                line: 2,
                index: 2,
                expected: Expected::CsvQuote
            },
            RecordError {
                line: 3,
                index: 1,
                expected: Expected::DoubledQuotes
            }
        ]
    );
}

#[test]
fn records_written_with_a_delimiter_read_back_with_it() {
    let fields = ["a;b", "c,d", "say \"hi\"", "two\nlines", "plain"];
    for d in Delimiter::ALL {
        let mut text = std::string::String::new();
        write_record_with(&mut text, &fields, d).unwrap();
        let back: StdVec<std::string::String> = Records::with_delimiter(&text, d)
            .next()
            .unwrap()
            .unwrap()
            .fields()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(back, fields, "{d:?}");
    }
    let mut line = std::string::String::new();
    write_record_with(&mut line, &["1,5", "x;y"], Delimiter::Semicolon).unwrap();
    assert_eq!(line, "1,5;\"x;y\"\n");
}
