//! Synthetic listings for the benchmarks (`bench-listings`, issue #5; `bench-search`, issue #6):
//! a deterministic generator of trilingual (vi / lo / en) commodity rows in the CSV import format,
//! and small timing helpers. Not used by the server itself.
use anyhow::{anyhow, Result};
use app::domain::listings::csv_io::{self, ImportFailure, Importer};
use app::domain::listings::store::Save;
use app::domain::listings::{Kind, RefData, Rules};
use chrono::{Duration as Days, Utc};
use sea_orm::DatabaseConnection;
use std::time::{Duration, Instant};
/// xorshift64*: deterministic, no dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// A traded good: HS heading and subheadings, names in en / vi / lo, unit, USD price per unit.
pub struct Good {
    pub hs: &'static [&'static str],
    pub en: &'static str,
    pub vi: &'static str,
    pub lo: &'static str,
    pub unit: &'static str,
    pub usd: f64,
    pub certs: &'static [&'static str],
}

pub const GOODS: &[Good] = &[
    Good {
        hs: &["4001", "400122", "400121"],
        en: "Natural rubber RSS3",
        vi: "Cao su thiên nhiên RSS3",
        lo: "ຢາງພາລາທຳມະຊາດ RSS3",
        unit: "t",
        usd: 1650.0,
        certs: &["co_form_s", "fsc"],
    },
    Good {
        hs: &["7208", "720851"],
        en: "Hot-rolled steel coil SS400",
        vi: "Thép cuộn cán nóng SS400",
        lo: "ເຫຼັກມ້ວນຮີດຮ້ອນ SS400",
        unit: "t",
        usd: 610.0,
        certs: &["co_form_d", "iso9001"],
    },
    Good {
        hs: &["0714", "071410"],
        en: "Dried cassava chips",
        vi: "Sắn lát khô",
        lo: "ມັນຕົ້ນຕາກແຫ້ງ",
        unit: "t",
        usd: 255.0,
        certs: &["phytosanitary", "fumigation", "co_form_s"],
    },
    Good {
        hs: &["0901", "090111"],
        en: "Robusta green coffee beans",
        vi: "Cà phê nhân Robusta",
        lo: "ເມັດກາເຟໂຣບັສຕາ",
        unit: "t",
        usd: 4300.0,
        certs: &["phytosanitary", "organic", "co_form_s"],
    },
    Good {
        hs: &["2601", "260111"],
        en: "Iron ore concentrate 62% Fe",
        vi: "Tinh quặng sắt 62% Fe",
        lo: "ແຮ່ເຫຼັກເຂັ້ມຂຸ້ນ 62% Fe",
        unit: "t",
        usd: 98.0,
        certs: &["co_form_s"],
    },
    Good {
        hs: &["2716", "271600"],
        en: "Hydropower electricity",
        vi: "Điện năng từ thủy điện",
        lo: "ໄຟຟ້າພະລັງນ້ຳ",
        unit: "mwh",
        usd: 62.0,
        certs: &[],
    },
    Good {
        hs: &["8703", "870323"],
        en: "Passenger cars, 5 seats",
        vi: "Ô tô con 5 chỗ",
        lo: "ລົດເກັງ 5 ບ່ອນນັ່ງ",
        unit: "pieces",
        usd: 18500.0,
        certs: &["co_form_d"],
    },
    Good {
        hs: &["8704", "870422"],
        en: "Cargo trucks 15 t",
        vi: "Xe tải chở hàng 15 tấn",
        lo: "ລົດບັນທຸກສິນຄ້າ 15 ໂຕນ",
        unit: "pieces",
        usd: 42000.0,
        certs: &["co_form_d"],
    },
    Good {
        hs: &["1006", "100630"],
        en: "Glutinous rice, milled",
        vi: "Gạo nếp xay xát",
        lo: "ເຂົ້າໜຽວສານ",
        unit: "t",
        usd: 540.0,
        certs: &["phytosanitary", "co_form_s", "organic"],
    },
    Good {
        hs: &["0803", "080390"],
        en: "Cavendish bananas",
        vi: "Chuối Cavendish",
        lo: "ກ້ວຍຫອມ Cavendish",
        unit: "t",
        usd: 310.0,
        certs: &["phytosanitary", "co_form_s"],
    },
    Good {
        hs: &["1701", "170114"],
        en: "Raw cane sugar",
        vi: "Đường mía thô",
        lo: "ນ້ຳຕານອ້ອຍດິບ",
        unit: "t",
        usd: 470.0,
        certs: &["co_form_s", "halal"],
    },
    Good {
        hs: &["2523", "252329"],
        en: "Portland cement PCB40",
        vi: "Xi măng Portland PCB40",
        lo: "ຊີມັງປອກແລນ PCB40",
        unit: "t",
        usd: 58.0,
        certs: &["co_form_d", "iso9001"],
    },
    Good {
        hs: &["0801", "080132"],
        en: "Cashew kernels W320",
        vi: "Nhân hạt điều W320",
        lo: "ເມັດມ່ວງຫິມະພານ W320",
        unit: "t",
        usd: 6200.0,
        certs: &["phytosanitary", "halal"],
    },
    Good {
        hs: &["4403"],
        en: "Plantation eucalyptus logs",
        vi: "Gỗ bạch đàn rừng trồng",
        lo: "ໄມ້ວິກຈາກສວນປູກ",
        unit: "m3",
        usd: 95.0,
        certs: &["fsc", "phytosanitary"],
    },
];

pub const INCOTERMS: &[&str] = &["DAP", "FCA", "EXW", "CPT", "FOB", "CIF", "DDP"];
pub const FREQUENCIES: &[&str] = &["one_off", "monthly", "quarterly", "yearly"];

pub struct Places {
    pub vn: Vec<String>,
    pub la: Vec<String>,
    pub gates: Vec<String>,
}

impl Places {
    pub fn from(refs: &RefData) -> Places {
        let mut vn: Vec<String> = refs
            .provinces
            .iter()
            .filter(|(_, c)| *c == "VN")
            .map(|(p, _)| p.clone())
            .collect();
        let mut la: Vec<String> = refs
            .provinces
            .iter()
            .filter(|(_, c)| *c == "LA")
            .map(|(p, _)| p.clone())
            .collect();
        let mut gates: Vec<String> = refs.gates.iter().cloned().collect();
        vn.sort();
        la.sort();
        gates.sort();
        Places { vn, la, gates }
    }
}

/// Rare goods (`generate_varied` only): about 2 listings in 1,000, for the rare-word queries.
pub const RARE_GOODS: &[Good] = &[
    Good {
        hs: &["1211", "121190"],
        en: "Agarwood chips",
        vi: "Trầm hương miếng",
        lo: "ໄມ້ກິດສະໜາ",
        unit: "t",
        usd: 9000.0,
        certs: &["phytosanitary"],
    },
    Good {
        hs: &["0909", "090961"],
        en: "Dried star anise",
        vi: "Hoa hồi khô",
        lo: "ໝາກຈັນແຫ້ງ",
        unit: "t",
        usd: 3500.0,
        certs: &["phytosanitary", "organic"],
    },
];

/// Free-text notes (`generate_varied` only) appended to about half the descriptions: (vi, lo, en).
pub const NOTES: &[(&str, &str, &str)] = &[
    ("Đóng bao PP 50 kg.", "ບັນຈຸໃສ່ຖົງ PP 50 ກິໂລ.", "Packed in 50 kg PP bags."),
    (
        "Có hàng mẫu theo yêu cầu.",
        "ມີຕົວຢ່າງຕາມການຮ້ອງຂໍ.",
        "Samples available on request.",
    ),
    (
        "Ưu tiên hợp đồng dài hạn.",
        "ຕ້ອງການສັນຍາໄລຍະຍາວ.",
        "Long-term contract preferred.",
    ),
    (
        "Giám định SGS tại cửa khẩu.",
        "ກວດກາໂດຍ SGS ຢູ່ດ່ານ.",
        "Inspection by SGS at the border gate.",
    ),
    (
        "Kho hàng trong đặc khu kinh tế.",
        "ສາງສິນຄ້າຢູ່ໃນເຂດເສດຖະກິດພິເສດ.",
        "Warehouse in the special economic zone.",
    ),
    ("Độ ẩm dưới 14 %.", "ຄວາມຊຸ່ມຕ່ຳກວ່າ 14 %.", "Moisture below 14 %."),
];

/// `n` commodity rows in the import format of `csv_io::columns(Kind::Commodity)`.
pub fn generate(n: usize, places: &Places, rng: &mut Rng) -> Vec<u8> {
    generate_rows(n, places, rng, false)
}

/// The same, with more variety in the text: rare goods and free-text notes (the search
/// benchmark). `generate` draws exactly the numbers it always drew, so its rows do not change.
pub fn generate_varied(n: usize, places: &Places, rng: &mut Rng) -> Vec<u8> {
    generate_rows(n, places, rng, true)
}

fn generate_rows(n: usize, places: &Places, rng: &mut Rng, varied: bool) -> Vec<u8> {
    let cols = csv_io::columns(Kind::Commodity);
    let mut w = csv::Writer::from_writer(Vec::with_capacity(n * 700));
    w.write_record(&cols).expect("in memory");
    let today = Utc::now().date_naive();
    for i in 0..n {
        let good = if varied && rng.below(1000) < 2 {
            rng.pick(RARE_GOODS)
        } else {
            rng.pick(GOODS)
        };
        let offer = rng.chance(60);
        let (from, to) = if rng.chance(50) {
            (&places.vn, &places.la)
        } else {
            (&places.la, &places.vn)
        };
        let origin = rng.pick(from).clone();
        let dest = if rng.chance(70) {
            rng.pick(to).clone()
        } else {
            String::new()
        };
        let mut gates = vec![rng.pick(&places.gates).clone()];
        if rng.chance(30) {
            let second = rng.pick(&places.gates).clone();
            if second != gates[0] {
                gates.push(second);
            }
        }
        let quantity = match good.unit {
            "pieces" => 1 + rng.below(200),
            "mwh" => 1_000 * (1 + rng.below(500)),
            _ => 10 * (1 + rng.below(2_000)),
        };
        let (currency, factor) = match rng.below(10) {
            0..=6 => ("USD", 1.0),
            7 | 8 => ("VND", 25_400.0),
            _ => ("LAK", 21_800.0),
        };
        let price = if rng.chance(80) {
            let p = good.usd * (0.8 + (rng.below(400) as f64) / 1000.0) * factor;
            if factor > 1.0 {
                format!("{}", (p / 1000.0).round() * 1000.0)
            } else {
                format!("{:.2}", p)
            }
        } else {
            String::new()
        };
        let frequency = *rng.pick(FREQUENCIES);
        let lot = format!("#{:05}", i % 100_000);
        let (verb_en, verb_vi, verb_lo) = if offer {
            ("Offer", "Chào bán", "ສະເໜີຂາຍ")
        } else {
            ("Wanted", "Cần mua", "ຕ້ອງການຊື້")
        };
        let unit_en = good.unit;
        // Most sellers write all three languages; some only Vietnamese or only Lao.
        let langs = rng.below(10);
        let (t_vi, t_lo, t_en) = (
            format!("{verb_vi}: {} – {quantity} {unit_en} {lot}", good.vi),
            format!("{verb_lo}: {} – {quantity} {unit_en} {lot}", good.lo),
            format!("{verb_en}: {} – {quantity} {unit_en} {lot}", good.en),
        );
        let d_vi = format!(
            "{} {}, giao qua cửa khẩu {}. Số lượng {quantity} {unit_en}, {}. Có chứng nhận xuất xứ, thanh toán L/C hoặc T/T.",
            verb_vi, good.vi, gates[0], frequency
        );
        let d_lo = format!(
            "{} {}, ຂົນສົ່ງຜ່ານດ່ານ {}. ຈຳນວນ {quantity} {unit_en}. ມີໃບຢັ້ງຢືນແຫຼ່ງກຳເນີດ, ຊຳລະເງິນ L/C ຫຼື T/T.",
            verb_lo, good.lo, gates[0]
        );
        let d_en = format!(
            "{verb_en}: {}, delivered through {} border gate. {quantity} {unit_en}, {frequency}. Certificate of origin available; payment by L/C or T/T.",
            good.en, gates[0]
        );
        let (d_vi, d_lo, d_en) = if varied && rng.chance(50) {
            let (vi, lo, en) = rng.pick(NOTES);
            (format!("{d_vi} {vi}"), format!("{d_lo} {lo}"), format!("{d_en} {en}"))
        } else {
            (d_vi, d_lo, d_en)
        };
        let (tv, tl, te, dv, dl, de) = match langs {
            0 | 1 => (t_vi, String::new(), String::new(), d_vi, String::new(), String::new()),
            2 | 3 => (String::new(), t_lo, String::new(), String::new(), d_lo, String::new()),
            _ => (t_vi, t_lo, t_en, d_vi, d_lo, d_en),
        };
        let expires = if rng.chance(50) {
            String::new()
        } else {
            (today + Days::days(30 + rng.below(300) as i64)).to_string()
        };
        let certs: Vec<&str> = good.certs.iter().copied().filter(|_| rng.chance(40)).collect();
        let hs = *rng.pick(good.hs);
        let value = |c: &str| -> String {
            match c {
                "title_vi" => tv.clone(),
                "title_lo" => tl.clone(),
                "title_en" => te.clone(),
                "description_vi" => dv.clone(),
                "description_lo" => dl.clone(),
                "description_en" => de.clone(),
                "province_id" => origin.clone(),
                "destination_province_id" => dest.clone(),
                "gate_ids" => gates.join(";"),
                "expires_on" => expires.clone(),
                "direction" => if offer { "offer" } else { "wanted" }.to_owned(),
                "hs_code" => hs.to_owned(),
                "quantity" => quantity.to_string(),
                "unit" => good.unit.to_owned(),
                "frequency" => frequency.to_owned(),
                "price" => price.clone(),
                "currency" => if price.is_empty() { "" } else { currency }.to_owned(),
                "incoterm" => rng_incoterm(i).to_owned(),
                "certifications" => certs.join(";"),
                _ => String::new(),
            }
        };
        let row: Vec<String> = cols.iter().map(|c| value(c)).collect();
        w.write_record(&row).expect("in memory");
    }
    w.into_inner().expect("in memory")
}

pub fn rng_incoterm(i: usize) -> &'static str {
    INCOTERMS[(i * 7 + i / 3) % INCOTERMS.len()]
}

// ---------------------------------------------------------------- helpers

pub fn rate(rows: usize, d: Duration) -> f64 {
    rows as f64 / d.as_secs_f64()
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

pub fn describe(e: ImportFailure) -> anyhow::Error {
    match e {
        ImportFailure::Rows(p) => anyhow!("import refused: {} problems, first {:?}", p.len(), p.first()),
        other => anyhow!("import refused: {other:?}"),
    }
}

/// The timed import: `csv_io::import`, with the end of the check phase taken from its progress.
pub async fn timed_import(db: &DatabaseConnection, org: &str, csv: &[u8]) -> Result<(usize, Duration, Duration)> {
    let start = Instant::now();
    let mut checked_at = start;
    let written = csv_io::import(
        db,
        Importer::Operator,
        org,
        Kind::Commodity,
        csv,
        Save::Publish,
        Rules::default(),
        |phase, _| {
            if phase == "check" {
                checked_at = Instant::now();
            }
        },
    )
    .await
    .map_err(describe)?;
    let end = Instant::now();
    Ok((written, checked_at - start, end - checked_at))
}
