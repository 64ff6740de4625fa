//! The message catalogue: every piece of UI text in Vietnamese, Lao and English.
//!
//! Each key is declared once with its three texts, so a missing translation is a compile error;
//! the tests check that no text is empty and that Lao texts are in Lao script.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Vi,
    Lo,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Vi, Lang::Lo, Lang::En];
    /// The cookie that keeps the reader's choice.
    pub const COOKIE: &'static str = "corridor_lang";

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
            Lang::Lo => "lo",
        }
    }

    /// The language's own name, as shown in the switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Vi => "Tiếng Việt",
            Lang::Lo => "ພາສາລາວ",
        }
    }

    /// Parses a language code (`vi`, `lo-LA`, `EN`…); unknown codes give `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "vi" => Some(Lang::Vi),
            "lo" => Some(Lang::Lo),
            _ => None,
        }
    }

    /// The best supported language in an `Accept-Language` header, honouring q-values.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (position, part) in header.split(',').enumerate() {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::parse) else {
                continue;
            };
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            // Higher q wins; on a tie the earlier entry wins.
            let better = match best {
                None => true,
                Some((bq, _, _)) => q > bq,
            };
            if better {
                best = Some((q, position, lang));
            }
        }
        best.map(|(_, _, lang)| lang)
    }

    /// Picks the text in this language from a (vi, lo, en) triple, falling back to
    /// English, then Vietnamese, when the wanted one is empty.
    pub fn pick<'a>(self, vi: &'a str, lo: &'a str, en: &'a str) -> &'a str {
        let wanted = match self {
            Lang::Vi => vi,
            Lang::Lo => lo,
            Lang::En => en,
        };
        if !wanted.trim().is_empty() {
            wanted
        } else if !en.trim().is_empty() {
            en
        } else if !vi.trim().is_empty() {
            vi
        } else {
            lo
        }
    }
}

macro_rules! catalogue {
    ($($key:ident { vi: $vi:expr, lo: $lo:expr, en: $en:expr $(,)? })*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match self {
                    $(Msg::$key => match lang { Lang::Vi => $vi, Lang::Lo => $lo, Lang::En => $en }),*
                }
            }

            /// The key's name, used as a message code in errors (`"ErrEmailTaken"`).
            pub fn key(self) -> &'static str {
                match self { $(Msg::$key => stringify!($key)),* }
            }

            pub fn from_key(key: &str) -> Option<Msg> {
                match key { $(stringify!($key) => Some(Msg::$key),)* _ => None }
            }
        }

        /// A message travels (in a server function's error, a form state, an API problem) as its
        /// key; a key the catalogue does not know fails to decode.
        impl Serialize for Msg {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }

        impl<'de> Deserialize<'de> for Msg {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let key = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                Msg::from_key(&key).ok_or_else(|| serde::de::Error::custom("unknown message key"))
            }
        }
    };
}

/// Shorthand used throughout the views.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    msg.text(lang)
}

catalogue! {
    SiteName { vi: "Corridor Việt – Lào", lo: "Corridor ລາວ – ຫວຽດນາມ", en: "Corridor Vietnam – Laos" }
    Tagline {
        vi: "Kết nối thương mại và đầu tư Việt Nam – Lào",
        lo: "ເຊື່ອມຕໍ່ການຄ້າ ແລະ ການລົງທຶນ ລາວ – ຫວຽດນາມ",
        en: "Trade and investment matchmaking between Vietnam and Laos",
    }
    SkipToContent { vi: "Chuyển đến nội dung", lo: "ໄປຫາເນື້ອໃນ", en: "Skip to content" }
    NavHome { vi: "Trang chủ", lo: "ໜ້າຫຼັກ", en: "Home" }
    NavGates { vi: "Cửa khẩu", lo: "ດ່ານຊາຍແດນ", en: "Border gates" }
    GateName { vi: "Cửa khẩu", lo: "ດ່ານ", en: "Border gate" }
    NavSources { vi: "Dữ liệu & nguồn", lo: "ຂໍ້ມູນ ແລະ ແຫຼ່ງທີ່ມາ", en: "Data & sources" }
    MainNavigation { vi: "Điều hướng chính", lo: "ເມນູຫຼັກ", en: "Main navigation" }
    LanguageLabel { vi: "Ngôn ngữ", lo: "ພາສາ", en: "Language" }
    FooterData {
        vi: "Số liệu tham khảo do nhóm Corridor tổng hợp từ nguồn công khai; mỗi dòng ghi rõ nguồn và độ tin cậy.",
        lo: "ຂໍ້ມູນອ້າງອີງລວບລວມຈາກແຫຼ່ງສາທາລະນະ; ທຸກແຖວບອກແຫຼ່ງທີ່ມາ ແລະ ລະດັບຄວາມໜ້າເຊື່ອຖື.",
        en: "Reference data compiled by the Corridor team from public sources; every row names its sources and confidence.",
    }
    FooterSourcesLink { vi: "Xem tất cả nguồn", lo: "ເບິ່ງແຫຼ່ງທີ່ມາທັງໝົດ", en: "See all sources" }
    HomeTitle { vi: "Thương mại và đầu tư qua biên giới Việt – Lào", lo: "ການຄ້າ ແລະ ການລົງທຶນຜ່ານຊາຍແດນ ລາວ – ຫວຽດນາມ", en: "Trade and investment across the Vietnam–Laos border" }
    HomeIntro {
        vi: "Corridor giúp thương nhân, nhà đầu tư, doanh nghiệp logistics và cơ quan đại diện của Việt Nam và Lào tìm thấy nhau: hàng hóa, cơ hội đầu tư, tuyến vận tải, sự kiện và biên bản ghi nhớ — dọc đường biên giới dài 2.337 km.",
        lo: "Corridor ຊ່ວຍໃຫ້ພໍ່ຄ້າ, ນັກລົງທຶນ, ບໍລິສັດຂົນສົ່ງ ແລະ ສະຖານທູດ ຂອງລາວ ແລະ ຫວຽດນາມ ພົບກັນ: ສິນຄ້າ, ໂອກາດການລົງທຶນ, ເສັ້ນທາງຂົນສົ່ງ, ກິດຈະກຳ ແລະ ບົດບັນທຶກຄວາມເຂົ້າໃຈ — ຕາມຊາຍແດນຍາວ 2.337 ກມ.",
        en: "Corridor helps Vietnamese and Lao traders, investors, logistics firms and trade offices find each other: commodities, investment opportunities, transport routes, events and MoUs — along the 2,337 km border.",
    }
    HomeMetaDescription {
        vi: "Cổng kết nối thương mại và đầu tư Việt Nam – Lào: số liệu thương mại song phương, cửa khẩu biên giới, khu kinh tế.",
        lo: "ປະຕູເຊື່ອມຕໍ່ການຄ້າ ແລະ ການລົງທຶນ ລາວ – ຫວຽດນາມ: ສະຖິຕິການຄ້າ, ດ່ານຊາຍແດນ, ເຂດເສດຖະກິດ.",
        en: "Vietnam–Laos trade and investment portal: bilateral trade figures, border gates, economic zones.",
    }
    TradeTitle { vi: "Kim ngạch thương mại song phương", lo: "ມູນຄ່າການຄ້າສອງຝ່າຍ", en: "Bilateral trade" }
    LatestFullYear { vi: "Cả năm gần nhất", lo: "ປີເຕັມລ່າສຸດ", en: "Latest full year" }
    LatestPeriod { vi: "Kỳ gần nhất", lo: "ໄລຍະລ່າສຸດ", en: "Latest period" }
    TotalTrade { vi: "Tổng kim ngạch", lo: "ມູນຄ່າລວມ", en: "Total trade" }
    VnExports { vi: "Việt Nam xuất sang Lào", lo: "ຫວຽດນາມສົ່ງອອກໄປລາວ", en: "Vietnam's exports to Laos" }
    VnImports { vi: "Việt Nam nhập từ Lào", lo: "ຫວຽດນາມນຳເຂົ້າຈາກລາວ", en: "Vietnam's imports from Laos" }
    YearOnYear { vi: "so với cùng kỳ", lo: "ທຽບກັບໄລຍະດຽວກັນ", en: "year on year" }
    ReporterBasis { vi: "Cơ sở số liệu", lo: "ພື້ນຖານຂໍ້ມູນ", en: "Reported by" }
    Sources { vi: "Nguồn", lo: "ແຫຼ່ງທີ່ມາ", en: "Sources" }
    Confidence { vi: "Độ tin cậy", lo: "ຄວາມໜ້າເຊື່ອຖື", en: "Confidence" }
    Period { vi: "Kỳ", lo: "ໄລຍະ", en: "Period" }
    Year { vi: "Năm", lo: "ປີ", en: "Year" }
    NotReported { vi: "không công bố", lo: "ບໍ່ໄດ້ລາຍງານ", en: "not reported" }
    TargetTitle { vi: "Hướng tới mục tiêu 5 tỷ USD", lo: "ມຸ່ງສູ່ເປົ້າໝາຍ 5 ຕື້ ໂດລາ", en: "Towards the $5 billion target" }
    TargetProgress {
        vi: "{year}: {total} — đạt {pct}% mục tiêu 5 tỷ USD mà hai Chính phủ đặt ra.",
        lo: "{year}: {total} — ບັນລຸ {pct}% ຂອງເປົ້າໝາຍ 5 ຕື້ ໂດລາ ທີ່ສອງລັດຖະບານວາງໄວ້.",
        en: "{year}: {total} — {pct}% of the $5 billion target set by both governments.",
    }
    TradeSeriesTitle { vi: "Các năm trước", lo: "ປີຜ່ານມາ", en: "Full years" }
    MilestonesTitle { vi: "Mốc quan trọng", lo: "ເຫດການສຳຄັນ", en: "Milestones" }
    SectionsTitle { vi: "Khám phá", lo: "ສຳຫຼວດ", en: "Explore" }
    SectionGatesText {
        vi: "Các cặp cửa khẩu quốc tế, chính và phụ, với tỉnh hai bên, tọa độ và khu kinh tế cửa khẩu.",
        lo: "ດ່ານສາກົນ, ດ່ານຫຼັກ ແລະ ດ່ານທ້ອງຖິ່ນ ພ້ອມແຂວງທັງສອງຝ່າຍ, ພິກັດ ແລະ ເຂດເສດຖະກິດ.",
        en: "International, main and secondary gate pairs with both sides' provinces, coordinates and economic zones.",
    }
    SectionSourcesText {
        vi: "Mọi số liệu kèm nguồn trích dẫn và độ tin cậy.",
        lo: "ທຸກຂໍ້ມູນມີແຫຼ່ງອ້າງອີງ ແລະ ລະດັບຄວາມໜ້າເຊື່ອຖື.",
        en: "Every figure with its cited sources and confidence.",
    }
    GatesTitle { vi: "Cửa khẩu biên giới Việt Nam – Lào", lo: "ດ່ານຊາຍແດນ ລາວ – ຫວຽດນາມ", en: "Vietnam–Laos border gates" }
    GatesIntro {
        vi: "Lọc theo cấp cửa khẩu và tỉnh hai bên. Tỉnh của Việt Nam theo địa giới sau sáp nhập 1/7/2025.",
        lo: "ກັ່ນຕອງຕາມລະດັບດ່ານ ແລະ ແຂວງທັງສອງຝ່າຍ. ແຂວງຂອງຫວຽດນາມ ຕາມການລວມແຂວງ 1/7/2025.",
        en: "Filter by gate level and by province on either side. Vietnamese provinces as merged on 1 July 2025.",
    }
    GatesTallyNote {
        vi: "Theo Bộ Công Thương (2025), hai nước có 9 cặp cửa khẩu quốc tế, 6 cặp chính và 18 cặp phụ. Corridor ghi nhận {n} cặp có nguồn kiểm chứng; Lóng Sập – Pa Háng đã được nâng lên quốc tế ngày 19/11/2024.",
        lo: "ອີງຕາມກະຊວງອຸດສາຫະກຳ ແລະ ການຄ້າ ຫວຽດນາມ (2025), ມີດ່ານສາກົນ 9 ຄູ່, ດ່ານຫຼັກ 6 ຄູ່ ແລະ ດ່ານທ້ອງຖິ່ນ 18 ຄູ່. Corridor ບັນທຶກ {n} ຄູ່ທີ່ມີແຫຼ່ງອ້າງອີງ; ລອງຊັບ – ປາຮັງ ຍົກລະດັບເປັນດ່ານສາກົນ 19/11/2024.",
        en: "Vietnam's Ministry of Industry and Trade (2025) counts 9 international, 6 main and 18 secondary gate pairs. Corridor documents {n} pairs with sources; Lóng Sập – Pa Háng was opened as international on 19 Nov 2024.",
    }
    FilterLevel { vi: "Cấp cửa khẩu", lo: "ລະດັບດ່ານ", en: "Gate level" }
    FilterVnProvince { vi: "Tỉnh (Việt Nam)", lo: "ແຂວງ (ຫວຽດນາມ)", en: "Province (Vietnam)" }
    FilterLaProvince { vi: "Tỉnh (Lào)", lo: "ແຂວງ (ລາວ)", en: "Province (Laos)" }
    AnyOption { vi: "Tất cả", lo: "ທັງໝົດ", en: "All" }
    ApplyFilters { vi: "Lọc", lo: "ກັ່ນຕອງ", en: "Filter" }
    ResetFilters { vi: "Bỏ lọc", lo: "ລ້າງຕົວກັ່ນຕອງ", en: "Clear filters" }
    GatesCount { vi: "{n} cặp cửa khẩu", lo: "{n} ຄູ່ດ່ານ", en: "{n} gate pairs" }
    GatesCountOne { vi: "{n} cặp cửa khẩu", lo: "{n} ຄູ່ດ່ານ", en: "{n} gate pair" }
    NoGatesMatch { vi: "Không có cửa khẩu nào khớp bộ lọc.", lo: "ບໍ່ມີດ່ານທີ່ກົງກັບຕົວກັ່ນຕອງ.", en: "No gate matches these filters." }
    LevelInternational { vi: "Quốc tế", lo: "ສາກົນ", en: "International" }
    LevelMain { vi: "Chính", lo: "ຫຼັກ", en: "Main" }
    LevelSecondary { vi: "Phụ", lo: "ທ້ອງຖິ່ນ", en: "Secondary" }
    VietnamSide { vi: "Phía Việt Nam", lo: "ຝັ່ງຫວຽດນາມ", en: "Vietnamese side" }
    LaoSide { vi: "Phía Lào", lo: "ຝັ່ງລາວ", en: "Lao side" }
    Province { vi: "Tỉnh", lo: "ແຂວງ", en: "Province" }
    FormerProvince { vi: "Tỉnh trước 1/7/2025", lo: "ແຂວງກ່ອນ 1/7/2025", en: "Province before 1 Jul 2025" }
    District { vi: "Huyện / xã", lo: "ເມືອງ / ບ້ານ", en: "District / commune" }
    Coordinates { vi: "Tọa độ", lo: "ພິກັດ", en: "Coordinates" }
    NoCoordinates { vi: "Chưa có tọa độ có nguồn", lo: "ບໍ່ມີພິກັດທີ່ມີແຫຼ່ງອ້າງອີງ", en: "No sourced coordinates" }
    ViewOnMap { vi: "Xem trên OpenStreetMap", lo: "ເບິ່ງໃນ OpenStreetMap", en: "View on OpenStreetMap" }
    LevelHistory { vi: "Lịch sử cấp cửa khẩu", lo: "ປະຫວັດລະດັບດ່ານ", en: "Level history" }
    KeyDates { vi: "Mốc thời gian", lo: "ວັນທີສຳຄັນ", en: "Key dates" }
    CorridorNotes { vi: "Tuyến đường, hành lang", lo: "ເສັ້ນທາງ ແລະ ແລວເສດຖະກິດ", en: "Routes and corridors" }
    EconomicZones { vi: "Khu kinh tế liên quan", lo: "ເຂດເສດຖະກິດທີ່ກ່ຽວຂ້ອງ", en: "Linked economic zones" }
    NoEconomicZone { vi: "Chưa ghi nhận khu kinh tế nào gắn với cửa khẩu này.", lo: "ຍັງບໍ່ມີເຂດເສດຖະກິດທີ່ຕິດພັນກັບດ່ານນີ້.", en: "No economic zone recorded for this gate." }
    Notes { vi: "Ghi chú", lo: "ໝາຍເຫດ", en: "Notes" }
    Status { vi: "Tình trạng", lo: "ສະຖານະ", en: "Status" }
    BackToGates { vi: "← Tất cả cửa khẩu", lo: "← ດ່ານທັງໝົດ", en: "← All border gates" }
    GateMetaDescription {
        vi: "Cặp cửa khẩu {name}: cấp, tỉnh hai bên, tọa độ, khu kinh tế và nguồn.",
        lo: "ຄູ່ດ່ານ {name}: ລະດັບ, ແຂວງທັງສອງຝ່າຍ, ພິກັດ, ເຂດເສດຖະກິດ ແລະ ແຫຼ່ງທີ່ມາ.",
        en: "Border gate pair {name}: level, provinces on both sides, coordinates, economic zones and sources.",
    }
    SourcesTitle { vi: "Dữ liệu tham khảo và nguồn", lo: "ຂໍ້ມູນອ້າງອີງ ແລະ ແຫຼ່ງທີ່ມາ", en: "Reference data and sources" }
    SourcesIntro {
        vi: "Mỗi dòng dữ liệu trên Corridor dẫn mã nguồn (ví dụ B04, T28). Bảng dưới đây liệt kê từng nguồn và nội dung nó chứng minh.",
        lo: "ທຸກແຖວຂໍ້ມູນໃນ Corridor ອ້າງອີງລະຫັດແຫຼ່ງ (ເຊັ່ນ B04, T28). ຕາຕະລາງລຸ່ມນີ້ສະແດງແຕ່ລະແຫຼ່ງ ແລະ ສິ່ງທີ່ມັນຢັ້ງຢືນ.",
        en: "Every data row on Corridor cites source ids (e.g. B04, T28). The table below lists each source and what it supports.",
    }
    SourceId { vi: "Mã", lo: "ລະຫັດ", en: "Id" }
    SourceCitation { vi: "Nguồn", lo: "ແຫຼ່ງ", en: "Source" }
    SourceSupports { vi: "Chứng minh", lo: "ຢັ້ງຢືນ", en: "Supports" }
    DatasetCounts { vi: "Bộ dữ liệu", lo: "ຊຸດຂໍ້ມູນ", en: "Datasets" }
    NotFoundTitle { vi: "Không tìm thấy trang", lo: "ບໍ່ພົບໜ້ານີ້", en: "Page not found" }
    NotFoundBody {
        vi: "Địa chỉ này không tồn tại hoặc đã được chuyển đi.",
        lo: "ບໍ່ມີທີ່ຢູ່ນີ້ ຫຼື ຖືກຍ້າຍໄປແລ້ວ.",
        en: "This address does not exist or has moved.",
    }
    ServerErrorTitle { vi: "Đã xảy ra lỗi", lo: "ເກີດຂໍ້ຜິດພາດ", en: "Something went wrong" }
    ServerErrorBody {
        vi: "Chúng tôi không thể hoàn tất yêu cầu. Dữ liệu của bạn không bị mất. Vui lòng thử lại; nếu lỗi tiếp diễn, hãy gửi mã tham chiếu cho chúng tôi.",
        lo: "ພວກເຮົາບໍ່ສາມາດດຳເນີນຄຳຮ້ອງໄດ້. ຂໍ້ມູນຂອງທ່ານບໍ່ເສຍ. ກະລຸນາລອງໃໝ່; ຖ້າຍັງຜິດພາດ, ສົ່ງລະຫັດອ້າງອີງມາຫາພວກເຮົາ.",
        en: "We could not complete the request. Nothing you saved is lost. Please try again; if it keeps failing, send us the reference.",
    }
    ErrorReference { vi: "Mã tham chiếu", lo: "ລະຫັດອ້າງອີງ", en: "Reference" }
    GoHome { vi: "Về trang chủ", lo: "ກັບໄປໜ້າຫຼັກ", en: "Go to the home page" }
    Loading { vi: "Đang tải…", lo: "ກຳລັງໂຫຼດ…", en: "Loading…" }
    Vietnam { vi: "Việt Nam", lo: "ຫວຽດນາມ", en: "Vietnam" }
    Laos { vi: "Lào", lo: "ລາວ", en: "Laos" }
    NavSignIn { vi: "Đăng nhập", lo: "ເຂົ້າສູ່ລະບົບ", en: "Sign in" }
    NavSignUp { vi: "Tạo tài khoản", lo: "ສ້າງບັນຊີ", en: "Create account" }
    NavAccount { vi: "Tài khoản", lo: "ບັນຊີຂອງຂ້ອຍ", en: "My account" }
    SignOut { vi: "Đăng xuất", lo: "ອອກຈາກລະບົບ", en: "Sign out" }
    SignOutEverywhere { vi: "Đăng xuất trên mọi thiết bị", lo: "ອອກຈາກລະບົບທຸກອຸປະກອນ", en: "Sign out everywhere" }
    SignUpTitle { vi: "Tạo tài khoản Corridor", lo: "ສ້າງບັນຊີ Corridor", en: "Create your Corridor account" }
    SignUpIntro {
        vi: "Miễn phí cho thương nhân, nhà đầu tư, doanh nghiệp logistics và cơ quan đại diện. Sau khi đăng ký, hãy xác nhận e-mail để có thể đăng tin.",
        lo: "ບໍ່ເສຍຄ່າ ສຳລັບພໍ່ຄ້າ, ນັກລົງທຶນ, ບໍລິສັດຂົນສົ່ງ ແລະ ອົງການຕ່າງໆ. ຫຼັງລົງທະບຽນ, ກະລຸນາຢືນຢັນອີເມວ ເພື່ອສາມາດລົງປະກາດໄດ້.",
        en: "Free for traders, investors, logistics firms and trade offices. After signing up, confirm your e-mail address to be able to publish.",
    }
    SignInTitle { vi: "Đăng nhập", lo: "ເຂົ້າສູ່ລະບົບ", en: "Sign in" }
    Email { vi: "E-mail", lo: "ອີເມວ", en: "E-mail" }
    Password { vi: "Mật khẩu", lo: "ລະຫັດຜ່ານ", en: "Password" }
    PasswordHint {
        vi: "Ít nhất 10 ký tự; một câu ngắn là dễ nhớ nhất.",
        lo: "ຢ່າງໜ້ອຍ 10 ຕົວອັກສອນ; ປະໂຫຍກສັ້ນໆ ຈື່ງ່າຍທີ່ສຸດ.",
        en: "At least 10 characters; a short phrase is easiest to remember.",
    }
    DisplayName { vi: "Họ tên", lo: "ຊື່ ແລະ ນາມສະກຸນ", en: "Your name" }
    CreateAccountButton { vi: "Tạo tài khoản", lo: "ສ້າງບັນຊີ", en: "Create account" }
    SignInButton { vi: "Đăng nhập", lo: "ເຂົ້າສູ່ລະບົບ", en: "Sign in" }
    ForgotPasswordLink { vi: "Quên mật khẩu?", lo: "ລືມລະຫັດຜ່ານ?", en: "Forgot your password?" }
    NoAccountYet { vi: "Chưa có tài khoản?", lo: "ຍັງບໍ່ມີບັນຊີ?", en: "No account yet?" }
    HaveAccount { vi: "Đã có tài khoản?", lo: "ມີບັນຊີແລ້ວ?", en: "Already have an account?" }
    AccountTitle { vi: "Tài khoản của tôi", lo: "ບັນຊີຂອງຂ້ອຍ", en: "My account" }
    EmailUnconfirmed {
        vi: "Địa chỉ e-mail chưa được xác nhận: hãy mở liên kết chúng tôi đã gửi. Trước khi xác nhận, bạn chưa thể đăng tin.",
        lo: "ອີເມວຂອງທ່ານຍັງບໍ່ໄດ້ຢືນຢັນ: ກະລຸນາເປີດລິ້ງທີ່ພວກເຮົາສົ່ງໄປ. ກ່ອນຢືນຢັນ ທ່ານຍັງລົງປະກາດບໍ່ໄດ້.",
        en: "Your e-mail address is not confirmed yet: open the link we sent you. Until then you cannot publish.",
    }
    EmailConfirmed { vi: "Đã xác nhận", lo: "ຢືນຢັນແລ້ວ", en: "Confirmed" }
    ResendConfirmation { vi: "Gửi lại liên kết xác nhận", lo: "ສົ່ງລິ້ງຢືນຢັນອີກຄັ້ງ", en: "Send the confirmation link again" }
    ConfirmationSent { vi: "Chúng tôi đã gửi liên kết xác nhận mới.", lo: "ພວກເຮົາໄດ້ສົ່ງລິ້ງຢືນຢັນໃໝ່ແລ້ວ.", en: "We sent a new confirmation link." }
    AccountConfirmedNotice { vi: "Địa chỉ e-mail của bạn đã được xác nhận.", lo: "ອີເມວຂອງທ່ານໄດ້ຮັບການຢືນຢັນແລ້ວ.", en: "Your e-mail address is confirmed." }
    WelcomeNotice {
        vi: "Chào mừng bạn đến với Corridor! Địa chỉ e-mail của bạn đã được xác nhận.",
        lo: "ຍິນດີຕ້ອນຮັບສູ່ Corridor! ອີເມວຂອງທ່ານໄດ້ຮັບການຢືນຢັນແລ້ວ.",
        en: "Welcome to Corridor! Your e-mail address is confirmed.",
    }
    SignUpSent {
        vi: "Hãy kiểm tra hộp thư: chúng tôi đã gửi thư tới địa chỉ bạn nhập. Mở liên kết trong thư để xác nhận địa chỉ và đăng nhập. Không thấy thư? Hãy xem thư mục thư rác, hoặc đăng nhập nếu bạn đã có tài khoản.",
        lo: "ກະລຸນາກວດເບິ່ງອີເມວ: ພວກເຮົາໄດ້ສົ່ງຂໍ້ຄວາມໄປຫາອີເມວທີ່ທ່ານປ້ອນ. ເປີດລິ້ງໃນນັ້ນເພື່ອຢືນຢັນ ແລະ ເຂົ້າສູ່ລະບົບ. ບໍ່ເຫັນອີເມວ? ກວດເບິ່ງກ່ອງຂີ້ເຫຍື້ອ, ຫຼື ເຂົ້າສູ່ລະບົບຖ້າທ່ານມີບັນຊີແລ້ວ.",
        en: "Check your mail: we sent a message to the address you entered. Open the link in it to confirm your address and sign in. Nothing there? Look in the spam folder, or sign in if you already have an account.",
    }
    ChangePasswordTitle { vi: "Đổi mật khẩu", lo: "ປ່ຽນລະຫັດຜ່ານ", en: "Change password" }
    CurrentPassword { vi: "Mật khẩu hiện tại", lo: "ລະຫັດຜ່ານປັດຈຸບັນ", en: "Current password" }
    NewPassword { vi: "Mật khẩu mới", lo: "ລະຫັດຜ່ານໃໝ່", en: "New password" }
    ChangePasswordButton { vi: "Đổi mật khẩu", lo: "ປ່ຽນລະຫັດຜ່ານ", en: "Change password" }
    PasswordChangedNotice {
        vi: "Đã đổi mật khẩu; các phiên đăng nhập khác đã bị đăng xuất.",
        lo: "ປ່ຽນລະຫັດຜ່ານແລ້ວ; ອຸປະກອນອື່ນຖືກອອກຈາກລະບົບແລ້ວ.",
        en: "Password changed; your other sessions have been signed out.",
    }
    SessionsTitle { vi: "Các phiên đăng nhập", lo: "ບ່ອນທີ່ທ່ານເຂົ້າສູ່ລະບົບ", en: "Where you are signed in" }
    ThisDevice { vi: "thiết bị này", lo: "ອຸປະກອນນີ້", en: "this device" }
    LastActive { vi: "hoạt động lần cuối", lo: "ໃຊ້ງານຫຼ້າສຸດ", en: "last active" }
    ConfirmTitle { vi: "Xác nhận địa chỉ e-mail", lo: "ຢືນຢັນອີເມວ", en: "Confirm your e-mail address" }
    ConfirmIntro { vi: "Nhấn nút để xác nhận địa chỉ e-mail của bạn.", lo: "ກົດປຸ່ມເພື່ອຢືນຢັນອີເມວຂອງທ່ານ.", en: "Press the button to confirm your e-mail address." }
    ConfirmButton { vi: "Xác nhận", lo: "ຢືນຢັນ", en: "Confirm" }
    ForgotTitle { vi: "Đặt lại mật khẩu", lo: "ຕັ້ງລະຫັດຜ່ານໃໝ່", en: "Reset your password" }
    ForgotIntro {
        vi: "Nhập e-mail của bạn; chúng tôi sẽ gửi liên kết để đặt mật khẩu mới.",
        lo: "ປ້ອນອີເມວຂອງທ່ານ; ພວກເຮົາຈະສົ່ງລິ້ງເພື່ອຕັ້ງລະຫັດຜ່ານໃໝ່.",
        en: "Enter your e-mail address; we will send a link to choose a new password.",
    }
    SendResetLink { vi: "Gửi liên kết", lo: "ສົ່ງລິ້ງ", en: "Send the link" }
    ResetLinkSent {
        vi: "Nếu có tài khoản dùng địa chỉ này, liên kết đang được gửi tới. Liên kết có hiệu lực một giờ.",
        lo: "ຖ້າມີບັນຊີທີ່ໃຊ້ອີເມວນີ້, ລິ້ງກຳລັງຖືກສົ່ງໄປ. ລິ້ງໃຊ້ໄດ້ໜຶ່ງຊົ່ວໂມງ.",
        en: "If an account uses this address, a link is on its way. It is valid for one hour.",
    }
    ResetTitle { vi: "Chọn mật khẩu mới", lo: "ເລືອກລະຫັດຜ່ານໃໝ່", en: "Choose a new password" }
    ResetButton { vi: "Lưu mật khẩu mới", lo: "ບັນທຶກລະຫັດຜ່ານໃໝ່", en: "Save the new password" }
    ResetDoneNotice {
        vi: "Đã đổi mật khẩu. Hãy đăng nhập bằng mật khẩu mới.",
        lo: "ປ່ຽນລະຫັດຜ່ານແລ້ວ. ກະລຸນາເຂົ້າສູ່ລະບົບດ້ວຍລະຫັດຜ່ານໃໝ່.",
        en: "Your password is changed. Sign in with the new one.",
    }
    FormHasErrors { vi: "Vui lòng sửa các ô được đánh dấu bên dưới.", lo: "ກະລຸນາແກ້ໄຂຊ່ອງທີ່ໝາຍໄວ້ຂ້າງລຸ່ມ.", en: "Please correct the fields marked below." }
    ErrEmailInvalid { vi: "Địa chỉ e-mail không hợp lệ.", lo: "ອີເມວບໍ່ຖືກຕ້ອງ.", en: "This is not a valid e-mail address." }
    ErrEmailTaken { vi: "Đã có tài khoản dùng địa chỉ này. Hãy đăng nhập hoặc đặt lại mật khẩu.", lo: "ມີບັນຊີທີ່ໃຊ້ອີເມວນີ້ແລ້ວ. ກະລຸນາເຂົ້າສູ່ລະບົບ ຫຼື ຕັ້ງລະຫັດຜ່ານໃໝ່.", en: "An account already uses this address. Sign in or reset your password." }
    ErrDisplayNameInvalid { vi: "Hãy nhập họ tên (tối đa 100 ký tự).", lo: "ກະລຸນາປ້ອນຊື່ (ບໍ່ເກີນ 100 ຕົວອັກສອນ).", en: "Enter your name (up to 100 characters)." }
    ErrPasswordShort { vi: "Mật khẩu cần ít nhất 10 ký tự.", lo: "ລະຫັດຜ່ານຕ້ອງມີຢ່າງໜ້ອຍ 10 ຕົວອັກສອນ.", en: "The password needs at least 10 characters." }
    ErrPasswordLong { vi: "Mật khẩu quá dài (tối đa 256 ký tự).", lo: "ລະຫັດຜ່ານຍາວເກີນໄປ (ບໍ່ເກີນ 256 ຕົວອັກສອນ).", en: "The password is too long (256 characters at most)." }
    ErrPasswordWeak { vi: "Mật khẩu này quá dễ đoán. Hãy chọn một câu ngắn của riêng bạn.", lo: "ລະຫັດຜ່ານນີ້ເດົາງ່າຍເກີນໄປ. ກະລຸນາເລືອກປະໂຫຍກສັ້ນຂອງທ່ານເອງ.", en: "This password is too easy to guess. Choose a short phrase of your own." }
    ErrBadCredentials { vi: "E-mail hoặc mật khẩu không đúng.", lo: "ອີເມວ ຫຼື ລະຫັດຜ່ານບໍ່ຖືກຕ້ອງ.", en: "The e-mail address or password is not right." }
    ErrBadCurrentPassword { vi: "Mật khẩu hiện tại không đúng.", lo: "ລະຫັດຜ່ານປັດຈຸບັນບໍ່ຖືກຕ້ອງ.", en: "The current password is not right." }
    ErrTokenInvalid { vi: "Liên kết không hợp lệ.", lo: "ລິ້ງບໍ່ຖືກຕ້ອງ.", en: "This link is not valid." }
    ErrTokenUsed { vi: "Liên kết này đã được sử dụng.", lo: "ລິ້ງນີ້ຖືກໃຊ້ແລ້ວ.", en: "This link has already been used." }
    ErrTokenExpired { vi: "Liên kết đã hết hạn; hãy yêu cầu liên kết mới.", lo: "ລິ້ງໝົດອາຍຸແລ້ວ; ກະລຸນາຂໍລິ້ງໃໝ່.", en: "This link has expired; ask for a new one." }
    ErrRateLimited {
        vi: "Quá nhiều lần thử. Hãy thử lại sau {minutes} phút.",
        lo: "ລອງຫຼາຍເກີນໄປ. ກະລຸນາລອງໃໝ່ໃນອີກ {minutes} ນາທີ.",
        en: "Too many attempts. Try again in {minutes} minutes.",
    }
    ErrCrossSite {
        vi: "Biểu mẫu được gửi từ một trang web khác nên đã bị từ chối.",
        lo: "ແບບຟອມນີ້ຖືກສົ່ງມາຈາກເວັບໄຊອື່ນ ຈຶ່ງຖືກປະຕິເສດ.",
        en: "This form was sent from another site and was refused.",
    }
    ForbiddenTitle { vi: "Không được phép", lo: "ບໍ່ອະນຸຍາດ", en: "Not allowed" }
    ForbiddenBody { vi: "Tài khoản của bạn không có quyền xem trang này.", lo: "ບັນຊີຂອງທ່ານບໍ່ມີສິດເບິ່ງໜ້ານີ້.", en: "Your account may not see this page." }
    MailboxTitle { vi: "Thư gửi đi (hộp thư phát triển)", lo: "ອີເມວທີ່ສົ່ງອອກ (ກ່ອງທົດສອບ)", en: "Outgoing mail (development mailbox)" }
    MailboxIntro {
        vi: "Mọi e-mail đều qua hàng đợi này. Khi đã cấu hình SMTP, máy chủ gửi đi và đánh dấu đã gửi; nếu chưa, thư nằm lại đây và được ghi vào nhật ký máy chủ.",
        lo: "ທຸກອີເມວຜ່ານລາຍການນີ້. ເມື່ອຕັ້ງຄ່າ SMTP ແລ້ວ, ເຊີບເວີຈະສົ່ງ ແລະ ໝາຍວ່າສົ່ງແລ້ວ; ຖ້າບໍ່, ອີເມວຈະຢູ່ທີ່ນີ້ ແລະ ຖືກບັນທຶກໃນບັນທຶກຂອງເຊີບເວີ.",
        en: "Every e-mail passes through this outbox. With SMTP configured the server sends it and marks it sent; without, it stays here and is written to the server log.",
    }
    MailSent { vi: "Đã gửi", lo: "ສົ່ງແລ້ວ", en: "Sent" }
    MailQueued { vi: "Đang chờ gửi", lo: "ລໍຖ້າສົ່ງ", en: "Queued" }
    MailFailed { vi: "Gửi không được, số lần thử:", lo: "ສົ່ງບໍ່ສຳເລັດ, ຈຳນວນຄັ້ງທີ່ລອງ:", en: "Not delivered, attempts:" }
    AuditTitle { vi: "Nhật ký kiểm tra", lo: "ບັນທຶກການກວດສອບ", en: "Audit log" }
    NavAdmin { vi: "Quản trị", lo: "ຜູ້ດູແລ", en: "Admin" }
    MyOrganisations { vi: "Tổ chức của tôi", lo: "ອົງກອນຂອງຂ້ອຍ", en: "My organisations" }
    NoOrganisationsYet {
        vi: "Bạn chưa thuộc tổ chức nào. Hãy tạo tổ chức của bạn hoặc nhờ đồng nghiệp mời.",
        lo: "ທ່ານຍັງບໍ່ໄດ້ເປັນສະມາຊິກອົງກອນໃດ. ສ້າງອົງກອນຂອງທ່ານ ຫຼື ຂໍໃຫ້ເພື່ອນຮ່ວມງານເຊີນ.",
        en: "You do not belong to an organisation yet. Create yours, or ask a colleague to invite you.",
    }
    ActiveOrganisation { vi: "đang dùng", lo: "ກຳລັງໃຊ້", en: "active" }
    MakeActive { vi: "Chọn dùng", lo: "ເລືອກໃຊ້", en: "Make active" }
    OrgNewTitle { vi: "Tạo tổ chức", lo: "ສ້າງອົງກອນ", en: "Create an organisation" }
    OrgNewIntro {
        vi: "Doanh nghiệp, nhà đầu tư, công ty logistics, đại sứ quán, cơ quan nhà nước hoặc hiệp hội. Bạn sẽ là chủ sở hữu và có thể mời đồng nghiệp.",
        lo: "ບໍລິສັດ, ນັກລົງທຶນ, ບໍລິສັດຂົນສົ່ງ, ສະຖານທູດ, ອົງການລັດ ຫຼື ສະມາຄົມ. ທ່ານຈະເປັນເຈົ້າຂອງ ແລະ ສາມາດເຊີນເພື່ອນຮ່ວມງານໄດ້.",
        en: "A company, investor, logistics provider, embassy, government agency or chamber. You become its owner and can invite colleagues.",
    }
    ConfirmFirst {
        vi: "Hãy xác nhận địa chỉ e-mail trước khi tạo tổ chức.",
        lo: "ກະລຸນາຢືນຢັນອີເມວກ່ອນສ້າງອົງກອນ.",
        en: "Confirm your e-mail address before creating an organisation.",
    }
    OrgName { vi: "Tên tổ chức", lo: "ຊື່ອົງກອນ", en: "Organisation name" }
    OrgKindLabel { vi: "Loại tổ chức", lo: "ປະເພດອົງກອນ", en: "Type of organisation" }
    OrgKindCompany { vi: "Doanh nghiệp / thương nhân", lo: "ບໍລິສັດ / ພໍ່ຄ້າ", en: "Company / trader" }
    OrgKindInvestor { vi: "Nhà đầu tư", lo: "ນັກລົງທຶນ", en: "Investor" }
    OrgKindLogistics { vi: "Doanh nghiệp logistics", lo: "ບໍລິສັດຂົນສົ່ງ", en: "Logistics provider" }
    OrgKindEmbassy { vi: "Đại sứ quán / thương vụ", lo: "ສະຖານທູດ / ຫ້ອງການການຄ້າ", en: "Embassy or trade office" }
    OrgKindGovernment { vi: "Cơ quan nhà nước", lo: "ອົງການລັດ", en: "Government agency" }
    OrgKindChamber { vi: "Phòng thương mại / hiệp hội", lo: "ສະພາການຄ້າ / ສະມາຄົມ", en: "Chamber or association" }
    Country { vi: "Quốc gia", lo: "ປະເທດ", en: "Country" }
    OrgRegistrationNumber { vi: "Số đăng ký kinh doanh", lo: "ເລກທະບຽນວິສາຫະກິດ", en: "Registration number" }
    OrgWebsite { vi: "Trang web", lo: "ເວັບໄຊ", en: "Website" }
    DescriptionsHint {
        vi: "Viết mô tả bằng ít nhất một ngôn ngữ; người đọc thấy bản bằng ngôn ngữ của họ nếu có.",
        lo: "ຂຽນຄຳອະທິບາຍຢ່າງໜ້ອຍໜຶ່ງພາສາ; ຜູ້ອ່ານຈະເຫັນພາສາຂອງເຂົາເຈົ້າຖ້າມີ.",
        en: "Describe the organisation in at least one language; readers see their own language when it is there.",
    }
    DescriptionVi { vi: "Mô tả (tiếng Việt)", lo: "ຄຳອະທິບາຍ (ພາສາຫວຽດ)", en: "Description (Vietnamese)" }
    DescriptionLo { vi: "Mô tả (tiếng Lào)", lo: "ຄຳອະທິບາຍ (ພາສາລາວ)", en: "Description (Lao)" }
    DescriptionEn { vi: "Mô tả (tiếng Anh)", lo: "ຄຳອະທິບາຍ (ພາສາອັງກິດ)", en: "Description (English)" }
    CreateOrgButton { vi: "Tạo tổ chức", lo: "ສ້າງອົງກອນ", en: "Create organisation" }
    SaveButton { vi: "Lưu", lo: "ບັນທຶກ", en: "Save" }
    EditOrgTitle { vi: "Sửa hồ sơ tổ chức", lo: "ແກ້ໄຂຂໍ້ມູນອົງກອນ", en: "Edit organisation profile" }
    OrgCreatedNotice { vi: "Đã tạo tổ chức. Bạn là chủ sở hữu.", lo: "ສ້າງອົງກອນແລ້ວ. ທ່ານເປັນເຈົ້າຂອງ.", en: "Organisation created. You are its owner." }
    OrgSavedNotice { vi: "Đã lưu thay đổi.", lo: "ບັນທຶກການປ່ຽນແປງແລ້ວ.", en: "Changes saved." }
    WrittenIn { vi: "Bản gốc viết bằng", lo: "ຕົ້ນສະບັບຂຽນເປັນ", en: "Written in" }
    OnCorridorSince { vi: "Tham gia Corridor từ", lo: "ເຂົ້າຮ່ວມ Corridor ແຕ່", en: "On Corridor since" }
    OrgMembersTitle { vi: "Thành viên", lo: "ສະມາຊິກ", en: "Members" }
    RoleLabel { vi: "Vai trò", lo: "ບົດບາດ", en: "Role" }
    RoleOwner { vi: "Chủ sở hữu", lo: "ເຈົ້າຂອງ", en: "Owner" }
    RoleEditor { vi: "Biên tập", lo: "ຜູ້ແກ້ໄຂ", en: "Editor" }
    RoleViewer { vi: "Chỉ xem", lo: "ຜູ້ເບິ່ງ", en: "Viewer" }
    RemoveMember { vi: "Xóa khỏi tổ chức", lo: "ລຶບອອກຈາກອົງກອນ", en: "Remove from organisation" }
    ChangeRole { vi: "Áp dụng", lo: "ນຳໃຊ້", en: "Apply" }
    InviteTitle { vi: "Mời đồng nghiệp", lo: "ເຊີນເພື່ອນຮ່ວມງານ", en: "Invite a colleague" }
    InviteButton { vi: "Gửi lời mời", lo: "ສົ່ງຄຳເຊີນ", en: "Send invitation" }
    InvitationSentNotice { vi: "Đã gửi lời mời qua e-mail; liên kết có hiệu lực 14 ngày.", lo: "ສົ່ງຄຳເຊີນທາງອີເມວແລ້ວ; ລິ້ງໃຊ້ໄດ້ 14 ວັນ.", en: "Invitation sent by e-mail; the link is valid for 14 days." }
    AcceptInvitationTitle { vi: "Tham gia {org}", lo: "ເຂົ້າຮ່ວມ {org}", en: "Join {org}" }
    AcceptButton { vi: "Chấp nhận lời mời", lo: "ຮັບຄຳເຊີນ", en: "Accept the invitation" }
    SignInToAccept {
        vi: "Hãy đăng nhập hoặc tạo tài khoản bằng địa chỉ e-mail được mời để chấp nhận.",
        lo: "ກະລຸນາເຂົ້າສູ່ລະບົບ ຫຼື ສ້າງບັນຊີດ້ວຍອີເມວທີ່ຖືກເຊີນ ເພື່ອຮັບຄຳເຊີນ.",
        en: "Sign in, or create an account, with the invited e-mail address to accept.",
    }
    ErrRequired { vi: "Ô này là bắt buộc.", lo: "ຈຳເປັນຕ້ອງປ້ອນ.", en: "This field is required." }
    ErrTooLong { vi: "Nội dung quá dài.", lo: "ຂໍ້ຄວາມຍາວເກີນໄປ.", en: "This is too long." }
    ErrChooseOne { vi: "Hãy chọn một mục trong danh sách.", lo: "ກະລຸນາເລືອກຈາກລາຍການ.", en: "Choose one of the options." }
    ErrWebsite { vi: "Địa chỉ web cần bắt đầu bằng https://", lo: "ທີ່ຢູ່ເວັບຕ້ອງເລີ່ມດ້ວຍ https://", en: "A web address starts with https://" }
    ErrOneDescription { vi: "Hãy viết mô tả bằng ít nhất một ngôn ngữ.", lo: "ກະລຸນາຂຽນຄຳອະທິບາຍຢ່າງໜ້ອຍໜຶ່ງພາສາ.", en: "Write a description in at least one language." }
    ErrAlreadyMember { vi: "Người này đã là thành viên.", lo: "ຜູ້ນີ້ເປັນສະມາຊິກແລ້ວ.", en: "This person is already a member." }
    ErrInvitationOtherAddress {
        vi: "Lời mời này dành cho một địa chỉ e-mail khác. Hãy đăng nhập bằng địa chỉ được mời.",
        lo: "ຄຳເຊີນນີ້ສຳລັບອີເມວອື່ນ. ກະລຸນາເຂົ້າສູ່ລະບົບດ້ວຍອີເມວທີ່ຖືກເຊີນ.",
        en: "This invitation is for another e-mail address. Sign in with the invited address.",
    }
    ErrLastOwner { vi: "Tổ chức cần ít nhất một chủ sở hữu.", lo: "ອົງກອນຕ້ອງມີເຈົ້າຂອງຢ່າງໜ້ອຍໜຶ່ງຄົນ.", en: "An organisation needs at least one owner." }
    VerifiedBadge { vi: "Đã xác minh", lo: "ຢັ້ງຢືນແລ້ວ", en: "Verified" }
    VerifiedOn { vi: "Corridor xác minh ngày", lo: "Corridor ຢັ້ງຢືນວັນທີ", en: "Verified by Corridor on" }
    NotVerified { vi: "Chưa xác minh", lo: "ຍັງບໍ່ໄດ້ຢັ້ງຢືນ", en: "Not verified" }
    EndorsedBy { vi: "Được bảo trợ bởi", lo: "ຮັບຮອງໂດຍ", en: "Endorsed by" }
    Since { vi: "từ", lo: "ແຕ່", en: "since" }
    RequestVerificationTitle { vi: "Yêu cầu xác minh", lo: "ຂໍການຢັ້ງຢືນ", en: "Ask for verification" }
    EvidenceLabel {
        vi: "Bằng chứng (giấy phép, nơi cấp, người liên hệ để kiểm tra)",
        lo: "ຫຼັກຖານ (ໃບອະນຸຍາດ, ບ່ອນອອກ, ຜູ້ຕິດຕໍ່ເພື່ອກວດສອບ)",
        en: "Evidence (licence, issuing office, who can confirm it)",
    }
    SubmitVerification { vi: "Gửi yêu cầu", lo: "ສົ່ງຄຳຮ້ອງ", en: "Send the request" }
    VerificationPendingNotice { vi: "Yêu cầu xác minh đang chờ kiểm duyệt viên.", lo: "ຄຳຮ້ອງຢັ້ງຢືນກຳລັງລໍຖ້າຜູ້ກວດສອບ.", en: "A verification request is waiting for a moderator." }
    EndorseButton { vi: "Bảo trợ tổ chức này", lo: "ຮັບຮອງອົງກອນນີ້", en: "Endorse this organisation" }
    WithdrawEndorsement { vi: "Rút bảo trợ", lo: "ຖອນການຮັບຮອງ", en: "Withdraw the endorsement" }
    ReportTitle { vi: "Báo cáo tổ chức này", lo: "ລາຍງານອົງກອນນີ້", en: "Report this organisation" }
    ReportReason { vi: "Lý do", lo: "ເຫດຜົນ", en: "Reason" }
    ReasonFraud { vi: "Lừa đảo", lo: "ສໍ້ໂກງ", en: "Fraud" }
    ReasonSpam { vi: "Thư rác", lo: "ສະແປມ", en: "Spam" }
    ReasonOther { vi: "Khác", lo: "ອື່ນໆ", en: "Other" }
    ReportDetails { vi: "Điều gì đã xảy ra?", lo: "ເກີດຫຍັງຂຶ້ນ?", en: "What happened?" }
    SendReport { vi: "Gửi báo cáo", lo: "ສົ່ງລາຍງານ", en: "Send the report" }
    ReportSentNotice { vi: "Cảm ơn; kiểm duyệt viên sẽ xem xét báo cáo.", lo: "ຂອບໃຈ; ຜູ້ກວດສອບຈະພິຈາລະນາລາຍງານ.", en: "Thank you; a moderator will look at the report." }
    SuspendedNotice { vi: "Tổ chức này đang bị tạm ngưng bởi kiểm duyệt viên.", lo: "ອົງກອນນີ້ຖືກລະງັບໂດຍຜູ້ກວດສອບ.", en: "This organisation is suspended by the moderators." }
    HiddenNotice { vi: "Tổ chức này đang bị ẩn khỏi công chúng.", lo: "ອົງກອນນີ້ຖືກເຊື່ອງຈາກສາທາລະນະ.", en: "This organisation is hidden from the public." }
    ModerationTitle { vi: "Kiểm duyệt", lo: "ການກວດສອບ", en: "Moderation" }
    PendingVerifications { vi: "Yêu cầu xác minh", lo: "ຄຳຮ້ອງຢັ້ງຢືນ", en: "Verification requests" }
    OpenReports { vi: "Báo cáo đang mở", lo: "ລາຍງານທີ່ລໍຖ້າ", en: "Open reports" }
    NothingWaiting { vi: "Không có gì đang chờ.", lo: "ບໍ່ມີຫຍັງລໍຖ້າ.", en: "Nothing is waiting." }
    VerifyButton { vi: "Xác minh", lo: "ຢັ້ງຢືນ", en: "Verify" }
    RejectReason { vi: "Lý do từ chối", lo: "ເຫດຜົນທີ່ປະຕິເສດ", en: "Reason for rejecting" }
    RejectButton { vi: "Từ chối", lo: "ປະຕິເສດ", en: "Reject" }
    DismissButton { vi: "Bỏ qua", lo: "ຍົກເລີກ", en: "Dismiss" }
    HideButton { vi: "Ẩn", lo: "ເຊື່ອງ", en: "Hide" }
    SuspendButton { vi: "Tạm ngưng", lo: "ລະງັບ", en: "Suspend" }
    ErrVerificationPending { vi: "Đã có một yêu cầu xác minh đang chờ.", lo: "ມີຄຳຮ້ອງຢັ້ງຢືນລໍຖ້າຢູ່ແລ້ວ.", en: "A verification request is already waiting." }
    ApiTokensTitle { vi: "Khóa API", lo: "ກະແຈ API", en: "API tokens" }
    ApiTokensIntro {
        vi: "Khóa cho hệ thống của bạn gọi /api/v1 thay mặt tổ chức. Chỉ biên tập viên và chủ sở hữu tạo hoặc thu hồi được.",
        lo: "ກະແຈສຳລັບລະບົບຂອງທ່ານເອີ້ນ /api/v1 ແທນອົງກອນ. ມີແຕ່ຜູ້ແກ້ໄຂ ແລະ ເຈົ້າຂອງທີ່ສ້າງ ຫຼື ຖອນໄດ້.",
        en: "Keys for your systems to call /api/v1 on behalf of the organisation. Only editors and owners create or revoke them.",
    }
    TokenShownOnce {
        vi: "Đây là lần duy nhất khóa được hiển thị. Hãy sao chép và cất giữ an toàn:",
        lo: "ນີ້ແມ່ນຄັ້ງດຽວທີ່ກະແຈຖືກສະແດງ. ກະລຸນາສຳເນົາ ແລະ ເກັບຮັກສາໄວ້ຢ່າງປອດໄພ:",
        en: "This is the only time the token is shown. Copy it and keep it safe:",
    }
    NewTokenTitle { vi: "Tạo khóa mới", lo: "ສ້າງກະແຈໃໝ່", en: "New token" }
    TokenName { vi: "Tên khóa (dùng cho hệ thống nào)", lo: "ຊື່ກະແຈ (ໃຊ້ກັບລະບົບໃດ)", en: "Name (which system uses it)" }
    TokenScope { vi: "Quyền", lo: "ສິດ", en: "Scope" }
    ScopeRead { vi: "Chỉ đọc", lo: "ອ່ານຢ່າງດຽວ", en: "Read" }
    ScopeWrite { vi: "Đọc và ghi", lo: "ອ່ານ ແລະ ຂຽນ", en: "Read and write" }
    TokenDays { vi: "Hiệu lực (ngày, tối đa 365)", lo: "ອາຍຸ (ວັນ, ບໍ່ເກີນ 365)", en: "Valid for (days, at most 365)" }
    CreateTokenButton { vi: "Tạo khóa", lo: "ສ້າງກະແຈ", en: "Create token" }
    TokenExpires { vi: "hết hạn", lo: "ໝົດອາຍຸ", en: "expires" }
    TokenRevoked { vi: "đã thu hồi", lo: "ຖືກຖອນແລ້ວ", en: "revoked" }
    RevokeToken { vi: "Thu hồi", lo: "ຖອນ", en: "Revoke" }
    ErrTokenDays { vi: "Hãy nhập số ngày từ 1 đến 365.", lo: "ກະລຸນາປ້ອນຈຳນວນວັນ 1 ຫາ 365.", en: "Enter a number of days from 1 to 365." }
    LogoLabel { vi: "Logo (PNG, JPEG hoặc WebP, tối đa 1 MB)", lo: "ໂລໂກ້ (PNG, JPEG ຫຼື WebP, ບໍ່ເກີນ 1 MB)", en: "Logo (PNG, JPEG or WebP, up to 1 MB)" }
    UploadLogo { vi: "Tải logo lên", lo: "ອັບໂຫຼດໂລໂກ້", en: "Upload logo" }
    ApiTokensLink { vi: "Khóa API", lo: "ກະແຈ API", en: "API tokens" }
    ErrLogoTooBig { vi: "Tệp quá lớn: logo tối đa 1 MB.", lo: "ໄຟລ໌ໃຫຍ່ເກີນໄປ: ໂລໂກ້ບໍ່ເກີນ 1 MB.", en: "The file is too large: a logo is at most 1 MB." }
    ErrLogoType { vi: "Tệp này không phải ảnh PNG, JPEG hoặc WebP.", lo: "ໄຟລ໌ນີ້ບໍ່ແມ່ນຮູບ PNG, JPEG ຫຼື WebP.", en: "This file is not a PNG, JPEG or WebP image." }
    ProvinceOptional { vi: "Tỉnh biên giới (không bắt buộc)", lo: "ແຂວງຊາຍແດນ (ບໍ່ບັງຄັບ)", en: "Border province (optional)" }
    SectorsLabel { vi: "Lĩnh vực", lo: "ຂະແໜງການ", en: "Sectors" }
    LanguagesLabel { vi: "Ngôn ngữ làm việc", lo: "ພາສາທີ່ໃຊ້ເຮັດວຽກ", en: "Working languages" }
    SectorEnergy { vi: "Năng lượng", lo: "ພະລັງງານ", en: "Energy" }
    SectorMining { vi: "Khai khoáng", lo: "ບໍ່ແຮ່", en: "Mining" }
    SectorAgriculture { vi: "Nông nghiệp công nghệ cao", lo: "ກະສິກຳເຕັກໂນໂລຊີສູງ", en: "High-tech agriculture" }
    SectorManufacturing { vi: "Chế biến, chế tạo", lo: "ອຸດສາຫະກຳປຸງແຕ່ງ", en: "Manufacturing" }
    SectorLogistics { vi: "Logistics", lo: "ການຂົນສົ່ງ", en: "Logistics" }
    SectorImportExport { vi: "Xuất nhập khẩu", lo: "ນຳເຂົ້າ-ສົ່ງອອກ", en: "Import-export" }
    SectorInfrastructure { vi: "Hạ tầng", lo: "ພື້ນຖານໂຄງລ່າງ", en: "Infrastructure" }
    SectorTourism { vi: "Du lịch", lo: "ທ່ອງທ່ຽວ", en: "Tourism" }
    ErrProvinceCountry { vi: "Tỉnh này không thuộc quốc gia đã chọn.", lo: "ແຂວງນີ້ບໍ່ຢູ່ໃນປະເທດທີ່ເລືອກ.", en: "This province is not in the chosen country." }
    DocumentLabel { vi: "Giấy tờ đăng ký (PDF, PNG hoặc JPEG, tối đa 1,5 MB; không bắt buộc)", lo: "ເອກະສານທະບຽນ (PDF, PNG ຫຼື JPEG, ບໍ່ເກີນ 1,5 MB; ບໍ່ບັງຄັບ)", en: "Registration document (PDF, PNG or JPEG, up to 1.5 MB; optional)" }
    ViewDocument { vi: "Xem giấy tờ", lo: "ເບິ່ງເອກະສານ", en: "View document" }
    ErrDocumentTooBig { vi: "Tệp quá lớn: tối đa 1,5 MB.", lo: "ໄຟລ໌ໃຫຍ່ເກີນໄປ: ບໍ່ເກີນ 1,5 MB.", en: "The file is too large: 1.5 MB at most." }
    ErrDocumentType { vi: "Tệp này không phải PDF, PNG hoặc JPEG.", lo: "ໄຟລ໌ນີ້ບໍ່ແມ່ນ PDF, PNG ຫຼື JPEG.", en: "This file is not a PDF, PNG or JPEG." }
    PlatformRolesTitle { vi: "Vai trò trên nền tảng", lo: "ບົດບາດໃນລະບົບ", en: "Platform roles" }
    PlatformRoleUser { vi: "Người dùng", lo: "ຜູ້ໃຊ້", en: "User" }
    PlatformRoleModerator { vi: "Kiểm duyệt viên", lo: "ຜູ້ກວດສອບ", en: "Moderator" }
    PlatformRoleAdmin { vi: "Quản trị viên", lo: "ຜູ້ດູແລລະບົບ", en: "Administrator" }
    SetRoleButton { vi: "Đặt vai trò", lo: "ກຳນົດບົດບາດ", en: "Set role" }
    RoleChangedNotice { vi: "Đã đổi vai trò; tài khoản đó cần đăng nhập lại.", lo: "ປ່ຽນບົດບາດແລ້ວ; ບັນຊີນັ້ນຕ້ອງເຂົ້າສູ່ລະບົບໃໝ່.", en: "Role changed; that account signs in again to use it." }
    ErrNoSuchAccount { vi: "Không có tài khoản nào dùng địa chỉ này.", lo: "ບໍ່ມີບັນຊີທີ່ໃຊ້ອີເມວນີ້.", en: "No account uses this address." }
    ErrOwnRole { vi: "Bạn không thể tự đổi vai trò của mình.", lo: "ທ່ານບໍ່ສາມາດປ່ຽນບົດບາດຂອງຕົນເອງ.", en: "You cannot change your own role." }
    NavLogistics { vi: "Logistics", lo: "ໂລຈິສຕິກ", en: "Logistics" }
    LogisticsTitle { vi: "Đối tác logistics", lo: "ຄູ່ຮ່ວມງານໂລຈິສຕິກ", en: "Logistics partners" }
    LogisticsIntro {
        vi: "Doanh nghiệp vận tải, kho bãi và đại lý hải quan hoạt động qua các cửa khẩu Việt – Lào, kèm dịch vụ, cửa khẩu, đội xe và năng lực.",
        lo: "ບໍລິສັດຂົນສົ່ງ, ສາງ ແລະ ຕົວແທນພາສີ ທີ່ເຮັດວຽກຜ່ານດ່ານ ລາວ – ຫວຽດນາມ, ພ້ອມການບໍລິການ, ດ່ານ, ລົດ ແລະ ຄວາມອາດສາມາດ.",
        en: "Haulage, warehousing and customs firms working across the Vietnam–Laos gates, with their services, gates, fleet and capacity.",
    }
    LogisticsProfileTitle { vi: "Dịch vụ logistics", lo: "ການບໍລິການໂລຈິສຕິກ", en: "Logistics services" }
    ServicesLabel { vi: "Dịch vụ", lo: "ການບໍລິການ", en: "Services" }
    CorridorsLabel { vi: "Hành lang và tuyến đường", lo: "ແລວທາງ ແລະ ເສັ້ນທາງ", en: "Corridors and routes" }
    FleetLabel { vi: "Đội xe", lo: "ພາຫະນະ", en: "Fleet" }
    LogisticsSavedNotice { vi: "Đã lưu dịch vụ logistics.", lo: "ບັນທຶກການບໍລິການໂລຈິສຕິກແລ້ວ.", en: "Logistics services saved." }
    ErrLogisticsOnly { vi: "Chỉ dành cho doanh nghiệp logistics.", lo: "ສະເພາະບໍລິສັດໂລຈິສຕິກ.", en: "Only for logistics providers." }
    NavSearch { vi: "Tìm kiếm", lo: "ຄົ້ນຫາ", en: "Search" }
    SearchTitle { vi: "Tìm kiếm", lo: "ຄົ້ນຫາ", en: "Search" }
    SearchIntro {
        vi: "Tìm hàng hóa, cơ hội đầu tư và tuyến vận tải bằng tiếng Việt (có hoặc không dấu), tiếng Lào hoặc tiếng Anh.",
        lo: "ຊອກຫາສິນຄ້າ, ໂອກາດການລົງທຶນ ແລະ ເສັ້ນທາງຂົນສົ່ງ ເປັນພາສາລາວ, ພາສາຫວຽດນາມ (ມີ ຫຼື ບໍ່ມີວັນນະຍຸດ) ຫຼື ພາສາອັງກິດ.",
        en: "Find commodities, investment opportunities and routes in Vietnamese (with or without accents), Lao or English.",
    }
    SearchPlaceholder { vi: "ví dụ: cao su, thep, 4001, Cau Treo", lo: "ເຊັ່ນ: ຢາງພາລາ, ເຫຼັກ, 4001", en: "e.g. rubber, cao su, 4001, Cau Treo" }
    SearchButton { vi: "Tìm", lo: "ຄົ້ນຫາ", en: "Search" }
    SearchSuggestions { vi: "Gợi ý tìm kiếm", lo: "ຄຳແນະນຳການຄົ້ນຫາ", en: "Search suggestions" }
    SiteSearchLabel { vi: "Tìm kiếm trên Corridor", lo: "ຄົ້ນຫາໃນ Corridor", en: "Search Corridor" }
    FiltersLabel { vi: "Bộ lọc", lo: "ຕົວກັ່ນຕອງ", en: "Filters" }
    ResultsHeading { vi: "Kết quả", lo: "ຜົນໄດ້ຮັບ", en: "Results" }
    ActionsHeading { vi: "Thao tác", lo: "ການດຳເນີນການ", en: "Actions" }
    SearchFor { vi: "Tìm “{q}”", lo: "ຄົ້ນຫາ “{q}”", en: "Search for “{q}”" }
    SearchFacets { vi: "Thu hẹp kết quả", lo: "ຈຳກັດຜົນການຄົ້ນຫາ", en: "Narrow the results" }
    SearchTotal { vi: "{n} kết quả", lo: "{n} ຜົນການຄົ້ນຫາ", en: "{n} results" }
    SearchTotalOne { vi: "{n} kết quả", lo: "{n} ຜົນການຄົ້ນຫາ", en: "{n} result" }
    SortRelevance { vi: "Phù hợp nhất", lo: "ກົງທີ່ສຸດ", en: "Most relevant" }
    SortNewest { vi: "Mới nhất", lo: "ໃໝ່ທີ່ສຸດ", en: "Newest" }
    SortExpiring { vi: "Sắp hết hạn", lo: "ໃກ້ໝົດອາຍຸ", en: "Expiring soon" }
    SearchIndexBuilding { vi: "Chỉ mục tìm kiếm đang được xây dựng lại; kết quả có thể chưa đầy đủ.", lo: "ກຳລັງສ້າງດັດຊະນີການຄົ້ນຫາຄືນໃໝ່; ຜົນອາດຍັງບໍ່ຄົບ.", en: "The search index is being rebuilt; results may be incomplete." }
    ListingKindLabel { vi: "Loại tin", lo: "ປະເພດປະກາດ", en: "Kind of listing" }
    NavListings { vi: "Tin đăng", lo: "ປະກາດ", en: "Listings" }
    NavMyListings { vi: "Tin của tôi", lo: "ປະກາດຂອງຂ້ອຍ", en: "My listings" }
    ListingsTitle { vi: "Tin đăng thương mại và đầu tư", lo: "ປະກາດການຄ້າ ແລະ ການລົງທຶນ", en: "Trade and investment listings" }
    ListingsIntro {
        vi: "Hàng hóa chào bán và cần mua theo mã HS, cơ hội đầu tư và tuyến vận tải qua biên giới Việt – Lào. Tin hết hạn sẽ tự ẩn.",
        lo: "ສິນຄ້າສະເໜີຂາຍ ແລະ ຕ້ອງການຊື້ຕາມລະຫັດ HS, ໂອກາດການລົງທຶນ ແລະ ເສັ້ນທາງຂົນສົ່ງຂ້າມຊາຍແດນ ລາວ – ຫວຽດນາມ. ປະກາດທີ່ໝົດອາຍຸຈະຖືກເຊື່ອງໄວ້ເອງ.",
        en: "Commodities offered and wanted by HS code, investment opportunities and cross-border routes between Vietnam and Laos. Expired listings disappear on their own.",
    }
    FilterSector { vi: "Lĩnh vực", lo: "ຂະແໜງການ", en: "Sector" }
    FilterHsChapter { vi: "Chương HS", lo: "ໝວດ HS", en: "HS chapter" }
    FilterDirection { vi: "Loại tin", lo: "ປະເພດປະກາດ", en: "Direction" }
    FilterVerifiedOnly { vi: "Chỉ tổ chức đã xác minh", lo: "ສະເພາະອົງກອນທີ່ຢັ້ງຢືນແລ້ວ", en: "Verified organisations only" }
    FilterPriority { vi: "Danh mục hạ tầng thương mại biên giới ưu tiên", lo: "ບັນຊີພື້ນຖານໂຄງລ່າງການຄ້າຊາຍແດນບູລິມະສິດ", en: "Priority border-trade infrastructure list" }
    NextPage { vi: "Trang sau →", lo: "ໜ້າຕໍ່ໄປ →", en: "Next page →" }
    FirstPage { vi: "← Trang đầu", lo: "← ໜ້າທຳອິດ", en: "← First page" }
    NoListings { vi: "Không có tin nào khớp với bộ lọc.", lo: "ບໍ່ມີປະກາດທີ່ກົງກັບຕົວກອງ.", en: "No listings match these filters." }
    SearchNothing { vi: "Không tìm thấy kết quả nào cho tìm kiếm này.", lo: "ບໍ່ພົບຜົນການຄົ້ນຫາສຳລັບຄຳຄົ້ນນີ້.", en: "Nothing matches this search." }
    PostedBy { vi: "Đăng bởi", lo: "ປະກາດໂດຍ", en: "Posted by" }
    ExpiresOn { vi: "Hết hạn", lo: "ໝົດອາຍຸ", en: "Expires" }
    PublishedOn { vi: "Đăng ngày", lo: "ປະກາດວັນທີ", en: "Published" }
    QuantityLabel { vi: "Số lượng", lo: "ຈຳນວນ", en: "Quantity" }
    UnitLabel { vi: "Đơn vị", lo: "ຫົວໜ່ວຍ", en: "Unit" }
    PriceLabel { vi: "Giá (mỗi đơn vị)", lo: "ລາຄາ (ຕໍ່ຫົວໜ່ວຍ)", en: "Price (per unit)" }
    PriceOnRequest { vi: "Giá theo yêu cầu", lo: "ລາຄາຕາມການສອບຖາມ", en: "Price on request" }
    CurrencyLabel { vi: "Tiền tệ", lo: "ສະກຸນເງິນ", en: "Currency" }
    IncotermLabel { vi: "Điều kiện giao hàng (Incoterms 2020)", lo: "ເງື່ອນໄຂການສົ່ງມອບ (Incoterms 2020)", en: "Incoterm (2020)" }
    CertificationsLabel { vi: "Chứng nhận", lo: "ໃບຢັ້ງຢືນ", en: "Certifications" }
    FrequencyLabel { vi: "Tần suất", lo: "ຄວາມຖີ່", en: "Frequency" }
    HsCodeLabel { vi: "Mã HS", lo: "ລະຫັດ HS", en: "HS code" }
    HsCodeHint { vi: "2, 4 hoặc 6 chữ số, ví dụ 7208 hoặc 4001.10", lo: "2, 4 ຫຼື 6 ຕົວເລກ, ເຊັ່ນ 7208 ຫຼື 4001.10", en: "2, 4 or 6 digits, e.g. 7208 or 4001.10" }
    HsNotInTable { vi: "Mã này không có trong bảng HS của Corridor — hãy kiểm tra lại.", lo: "ລະຫັດນີ້ບໍ່ມີໃນຕາຕະລາງ HS ຂອງ Corridor — ກະລຸນາກວດຄືນ.", en: "This code is not in Corridor's HS table — please check it." }
    OriginLabel { vi: "Tỉnh xuất phát", lo: "ແຂວງຕົ້ນທາງ", en: "From (province)" }
    DestinationLabel { vi: "Tỉnh đến", lo: "ແຂວງປາຍທາງ", en: "To (province)" }
    OriginPlaceLabel { vi: "Điểm đi", lo: "ຈຸດອອກເດີນທາງ", en: "From (place)" }
    DestinationPlaceLabel { vi: "Điểm đến", lo: "ຈຸດໝາຍປາຍທາງ", en: "To (place)" }
    GatesLabel { vi: "Cửa khẩu", lo: "ດ່ານຊາຍແດນ", en: "Border gates" }
    SearchKindOrganisation { vi: "Tổ chức", lo: "ອົງກອນ", en: "Organisations" }
    SearchHitGate { vi: "Cặp cửa khẩu", lo: "ຄູ່ດ່ານຊາຍແດນ", en: "Border gate pair" }
    StageLabel { vi: "Giai đoạn", lo: "ໄລຍະ", en: "Stage" }
    InstrumentsLabel { vi: "Hình thức đầu tư", lo: "ຮູບແບບການລົງທຶນ", en: "Instruments" }
    SizeLabel { vi: "Quy mô đầu tư (USD)", lo: "ຂະໜາດການລົງທຶນ (USD)", en: "Investment size (USD)" }
    SizeMinLabel { vi: "Từ (USD)", lo: "ຕັ້ງແຕ່ (USD)", en: "From (USD)" }
    SizeMaxLabel { vi: "Đến (USD)", lo: "ເຖິງ (USD)", en: "To (USD)" }
    ZoneLabel { vi: "Khu kinh tế", lo: "ເຂດເສດຖະກິດ", en: "Economic zone" }
    IncentivesLabel { vi: "Ưu đãi", lo: "ນະໂຍບາຍສົ່ງເສີມ", en: "Incentives" }
    LandStatusLabel { vi: "Tình trạng đất đai và giấy phép", lo: "ສະຖານະທີ່ດິນ ແລະ ໃບອະນຸຍາດ", en: "Land and permits" }
    ContactLabel { vi: "Liên hệ", lo: "ຕິດຕໍ່", en: "Contact" }
    PriorityInfraLabel { vi: "Thuộc danh mục hạ tầng ưu tiên (chỉ cơ quan nhà nước)", lo: "ຢູ່ໃນບັນຊີພື້ນຖານໂຄງລ່າງບູລິມະສິດ (ສະເພາະອົງການລັດ)", en: "On the priority infrastructure list (government agencies only)" }
    InfraTypeLabel { vi: "Loại hạ tầng", lo: "ປະເພດພື້ນຖານໂຄງລ່າງ", en: "Infrastructure type" }
    WindowLabel { vi: "Thời gian", lo: "ໄລຍະເວລາ", en: "Date window" }
    WindowStartLabel { vi: "Từ ngày", lo: "ຕັ້ງແຕ່ວັນທີ", en: "From date" }
    WindowEndLabel { vi: "Đến ngày", lo: "ເຖິງວັນທີ", en: "To date" }
    CapacityLabel { vi: "Tải trọng còn trống", lo: "ຄວາມອາດສາມາດທີ່ຫວ່າງ", en: "Available capacity" }
    CapacityUnitLabel { vi: "Đơn vị tải trọng", lo: "ຫົວໜ່ວຍຄວາມອາດສາມາດ", en: "Capacity unit" }
    EquipmentLabel { vi: "Phương tiện", lo: "ພາຫະນະ", en: "Equipment" }
    RouteDirectionLabel { vi: "Chiều", lo: "ທິດທາງ", en: "Direction" }
    TitleVi { vi: "Tiêu đề (tiếng Việt)", lo: "ຫົວຂໍ້ (ພາສາຫວຽດນາມ)", en: "Title (Vietnamese)" }
    TitleLo { vi: "Tiêu đề (tiếng Lào)", lo: "ຫົວຂໍ້ (ພາສາລາວ)", en: "Title (Lao)" }
    TitleEn { vi: "Tiêu đề (tiếng Anh)", lo: "ຫົວຂໍ້ (ພາສາອັງກິດ)", en: "Title (English)" }
    TitlesHint { vi: "Viết ít nhất một ngôn ngữ; người đọc thấy ngôn ngữ của họ nếu có, nếu không thì bản gốc kèm nhãn.", lo: "ຂຽນຢ່າງໜ້ອຍໜຶ່ງພາສາ; ຜູ້ອ່ານຈະເຫັນພາສາຂອງເຂົາຖ້າມີ, ບໍ່ດັ່ງນັ້ນຈະເຫັນຕົ້ນສະບັບພ້ອມປ້າຍບອກພາສາ.", en: "Write in at least one language; readers see theirs when present, otherwise the original with a label." }
    ExpiresOnLabel { vi: "Ngày hết hạn (để trống = 90 ngày)", lo: "ວັນໝົດອາຍຸ (ປ່ອຍຫວ່າງ = 90 ວັນ)", en: "Expiry date (empty = 90 days)" }
    PostAsLabel { vi: "Đăng với tư cách", lo: "ປະກາດໃນນາມ", en: "Post as" }
    SaveDraftButton { vi: "Lưu bản nháp", lo: "ບັນທຶກຮ່າງ", en: "Save as draft" }
    PublishButton { vi: "Đăng tin", lo: "ເຜີຍແຜ່", en: "Publish" }
    NewListingTitle { vi: "Đăng tin mới", lo: "ສ້າງປະກາດໃໝ່", en: "New listing" }
    EditListingTitle { vi: "Sửa tin", lo: "ແກ້ໄຂປະກາດ", en: "Edit listing" }
    EditButton { vi: "Sửa", lo: "ແກ້ໄຂ", en: "Edit" }
    NewListingButton { vi: "Đăng tin", lo: "ສ້າງປະກາດ", en: "Post a listing" }
    NeedOrganisation { vi: "Bạn cần là biên tập viên hoặc chủ sở hữu của một tổ chức để đăng tin.", lo: "ທ່ານຕ້ອງເປັນຜູ້ແກ້ໄຂ ຫຼື ເຈົ້າຂອງອົງກອນເພື່ອສ້າງປະກາດ.", en: "You need to be an editor or owner of an organisation to post listings." }
    MyListingsTitle { vi: "Tin của tổ chức", lo: "ປະກາດຂອງອົງກອນ", en: "Your organisation's listings" }
    RenewButton { vi: "Gia hạn 90 ngày", lo: "ຕໍ່ອາຍຸ 90 ວັນ", en: "Renew for 90 days" }
    ArchiveButton { vi: "Lưu trữ", lo: "ເກັບມ້ຽນ", en: "Archive" }
    RestoreButton { vi: "Khôi phục thành bản nháp", lo: "ກູ້ຄືນເປັນຮ່າງ", en: "Restore as draft" }
    ImportTitle { vi: "Nhập tin từ tệp CSV", lo: "ນຳເຂົ້າປະກາດຈາກໄຟລ໌ CSV", en: "Import listings from CSV" }
    ImportIntro {
        vi: "Tệp CSV UTF-8 (có hoặc không có BOM), số dùng dấu chấm thập phân, nhiều giá trị cách nhau bằng dấu chấm phẩy. Cả tệp được kiểm tra trước; nếu có lỗi thì không tin nào được lưu.",
        lo: "ໄຟລ໌ CSV UTF-8 (ມີ ຫຼື ບໍ່ມີ BOM), ຕົວເລກໃຊ້ຈຸດເປັນທົດສະນິຍົມ, ຫຼາຍຄ່າແຍກດ້ວຍເຄື່ອງໝາຍ ;. ກວດທັງໄຟລ໌ກ່ອນ; ຖ້າມີຂໍ້ຜິດພາດຈະບໍ່ບັນທຶກຫຍັງເລີຍ.",
        en: "A UTF-8 CSV file (with or without BOM), numbers with a dot for decimals, several values separated by semicolons. The whole file is checked first; if anything is wrong, nothing is saved.",
    }
    ImportFileLabel { vi: "Tệp CSV", lo: "ໄຟລ໌ CSV", en: "CSV file" }
    ImportButton { vi: "Kiểm tra và nhập", lo: "ກວດ ແລະ ນຳເຂົ້າ", en: "Check and import" }
    ImportProgress { vi: "Đang tải lên và kiểm tra…", lo: "ກຳລັງອັບໂຫຼດ ແລະ ກວດສອບ…", en: "Uploading and checking…" }
    DownloadTemplate { vi: "Tải tệp mẫu", lo: "ດາວໂຫຼດແບບຟອມ", en: "Download the template" }
    ImportDoneNotice { vi: "Đã nhập {n} tin.", lo: "ນຳເຂົ້າ {n} ປະກາດແລ້ວ.", en: "Listings imported: {n}." }
    ImportFailedTitle { vi: "Tệp chưa được nhập — không có gì thay đổi", lo: "ຍັງບໍ່ໄດ້ນຳເຂົ້າ — ບໍ່ມີຫຍັງປ່ຽນແປງ", en: "The file was not imported — nothing changed" }
    ImportLine { vi: "Dòng", lo: "ແຖວ", en: "Line" }
    ImportColumn { vi: "Cột", lo: "ຖັນ", en: "Column" }
    ImportMessage { vi: "Vấn đề", lo: "ບັນຫາ", en: "Problem" }
    ImportUnknownColumns { vi: "Cột không xác định", lo: "ຖັນທີ່ບໍ່ຮູ້ຈັກ", en: "Unknown columns" }
    ImportMissingColumns { vi: "Thiếu cột", lo: "ຂາດຖັນ", en: "Missing columns" }
    ExportCsv { vi: "Xuất CSV", lo: "ສົ່ງອອກ CSV", en: "Export CSV" }
    ExportJson { vi: "Xuất JSON", lo: "ສົ່ງອອກ JSON", en: "Export JSON" }
    ReportListingTitle { vi: "Báo cáo tin này", lo: "ລາຍງານປະກາດນີ້", en: "Report this listing" }
    HeldNotice { vi: "Tin đang chờ kiểm duyệt vì tổ chức chưa được xác minh.", lo: "ປະກາດກຳລັງລໍຖ້າການກວດກາ ເພາະອົງກອນຍັງບໍ່ໄດ້ຮັບການຢັ້ງຢືນ.", en: "This listing waits for a moderator because the organisation is not verified yet." }
    ListingSavedNotice { vi: "Đã lưu tin.", lo: "ບັນທຶກປະກາດແລ້ວ.", en: "Listing saved." }
    NotVerifiedMark { vi: "Chưa xác minh", lo: "ຍັງບໍ່ໄດ້ຢັ້ງຢືນ", en: "Not verified" }
    HeldListings { vi: "Tin chờ kiểm duyệt", lo: "ປະກາດທີ່ລໍຖ້າການກວດກາ", en: "Listings waiting for moderation" }
    ReleaseButton { vi: "Cho đăng", lo: "ອະນຸມັດ", en: "Release" }
    RemoveButton { vi: "Gỡ tin", lo: "ລຶບປະກາດ", en: "Remove" }
    OrgListingsTitle { vi: "Tin đang đăng", lo: "ປະກາດທີ່ເຜີຍແຜ່ຢູ່", en: "Current listings" }
    ErrBadRequest {
        vi: "Yêu cầu không hợp lệ: các tham số không đọc được.",
        lo: "ຄຳຮ້ອງຂໍບໍ່ຖືກຕ້ອງ: ອ່ານຂໍ້ມູນທີ່ສົ່ງມາບໍ່ໄດ້.",
        en: "Bad request: its parameters could not be read.",
    }
    ErrControlChars { vi: "Có ký tự không hợp lệ.", lo: "ມີຕົວອັກສອນທີ່ບໍ່ຖືກຕ້ອງ.", en: "Contains characters that are not allowed." }
    ErrOneTitle { vi: "Hãy viết tiêu đề bằng ít nhất một ngôn ngữ.", lo: "ກະລຸນາຂຽນຫົວຂໍ້ຢ່າງໜ້ອຍໜຶ່ງພາສາ.", en: "Give a title in at least one language." }
    ErrPositive { vi: "Phải lớn hơn 0.", lo: "ຕ້ອງຫຼາຍກວ່າ 0.", en: "Must be more than zero." }
    ErrTooLarge { vi: "Số quá lớn.", lo: "ຕົວເລກໃຫຍ່ເກີນໄປ.", en: "The number is too large." }
    ErrNumber { vi: "Nhập số, dùng dấu chấm cho phần thập phân (ví dụ 1200 hoặc 12.5).", lo: "ປ້ອນຕົວເລກ, ໃຊ້ຈຸດສຳລັບທົດສະນິຍົມ (ເຊັ່ນ 1200 ຫຼື 12.5).", en: "Enter a number, with a dot for decimals (e.g. 1200 or 12.5)." }
    ErrWholeNumber { vi: "Nhập số nguyên.", lo: "ປ້ອນຈຳນວນເຕັມ.", en: "Enter a whole number." }
    ErrDate { vi: "Nhập ngày theo dạng NNNN-TT-NN.", lo: "ປ້ອນວັນທີໃນຮູບແບບ YYYY-MM-DD.", en: "Enter a date as YYYY-MM-DD." }
    ErrUnknownProvince { vi: "Không có tỉnh này trong danh mục.", lo: "ບໍ່ມີແຂວງນີ້ໃນລາຍການ.", en: "Unknown province." }
    ErrUnknownGate { vi: "Không có cửa khẩu này trong danh mục.", lo: "ບໍ່ມີດ່ານນີ້ໃນລາຍການ.", en: "Unknown border gate." }
    ErrTooMany { vi: "Chọn tối đa 6.", lo: "ເລືອກໄດ້ບໍ່ເກີນ 6.", en: "Choose at most 6." }
    ErrExpiryPast { vi: "Ngày hết hạn phải ở tương lai.", lo: "ວັນໝົດອາຍຸຕ້ອງເປັນອະນາຄົດ.", en: "The expiry date must be in the future." }
    ErrExpiryTooFar { vi: "Ngày hết hạn tối đa là một năm kể từ hôm nay.", lo: "ວັນໝົດອາຍຸບໍ່ເກີນໜຶ່ງປີນັບແຕ່ມື້ນີ້.", en: "The expiry date can be at most one year ahead." }
    ErrHsCode { vi: "Mã HS gồm 2, 4 hoặc 6 chữ số của một chương có thật (ví dụ 7208 hoặc 4001.10).", lo: "ລະຫັດ HS ມີ 2, 4 ຫຼື 6 ຕົວເລກຂອງໝວດທີ່ມີຢູ່ແທ້ (ເຊັ່ນ 7208 ຫຼື 4001.10).", en: "An HS code is 2, 4 or 6 digits of an existing chapter (e.g. 7208 or 4001.10)." }
    ErrUnitForQuantity { vi: "Chọn đơn vị cho số lượng.", lo: "ເລືອກຫົວໜ່ວຍສຳລັບຈຳນວນ.", en: "Choose a unit for the quantity." }
    ErrCurrencyForPrice { vi: "Chọn tiền tệ cho giá.", lo: "ເລືອກສະກຸນເງິນສຳລັບລາຄາ.", en: "Choose a currency for the price." }
    ErrSizeRange { vi: "Mức tối thiểu không được lớn hơn mức tối đa.", lo: "ຄ່າຕ່ຳສຸດຕ້ອງບໍ່ເກີນຄ່າສູງສຸດ.", en: "The minimum must not exceed the maximum." }
    ErrRouteEnd { vi: "Chọn tỉnh hoặc ghi địa điểm.", lo: "ເລືອກແຂວງ ຫຼື ຂຽນສະຖານທີ່.", en: "Choose a province or name the place." }
    ErrWindow { vi: "Ngày kết thúc trước ngày bắt đầu.", lo: "ວັນສິ້ນສຸດກ່ອນວັນເລີ່ມຕົ້ນ.", en: "The window ends before it starts." }
    ErrPriorityGovernment { vi: "Chỉ cơ quan nhà nước được cập nhật danh mục hạ tầng ưu tiên.", lo: "ສະເພາະອົງການລັດເທົ່ານັ້ນທີ່ປັບປຸງບັນຊີພື້ນຖານໂຄງລ່າງບູລິມະສິດໄດ້.", en: "Only government agencies maintain the priority infrastructure list." }
    ErrCursor { vi: "Liên kết trang không hợp lệ; đã quay về trang đầu.", lo: "ລິ້ງໜ້າບໍ່ຖືກຕ້ອງ; ກັບໄປໜ້າທຳອິດແລ້ວ.", en: "That page link is not valid; showing the first page." }
    ErrCsvEncoding { vi: "Tệp không phải UTF-8. Hãy lưu dưới dạng \"CSV UTF-8\".", lo: "ໄຟລ໌ບໍ່ແມ່ນ UTF-8. ກະລຸນາບັນທຶກເປັນ \"CSV UTF-8\".", en: "The file is not UTF-8. Save it as \"CSV UTF-8\"." }
    ErrCsvEmpty { vi: "Tệp không có dòng dữ liệu nào.", lo: "ໄຟລ໌ບໍ່ມີແຖວຂໍ້ມູນ.", en: "The file has no data rows." }
    ErrCsvTooLarge { vi: "Tệp quá lớn: tối đa {n} MB trên web; tệp lớn hơn hãy dùng lệnh corridor import.", lo: "ໄຟລ໌ໃຫຍ່ເກີນໄປ: ສູງສຸດ {n} MB ຜ່ານເວັບ; ໄຟລ໌ໃຫຍ່ກວ່ານັ້ນໃຊ້ຄຳສັ່ງ corridor import.", en: "The file is too large: at most {n} MB on the web; use the corridor import command for bigger files." }
    ErrCsvTooManyRows { vi: "Quá nhiều dòng trong một tệp.", lo: "ມີແຖວຫຼາຍເກີນໄປໃນໄຟລ໌ດຽວ.", en: "Too many rows in one file." }
    ErrCsvRow { vi: "Dòng không đọc được (dấu ngoặc kép chưa đóng?).", lo: "ອ່ານແຖວບໍ່ໄດ້ (ເຄື່ອງໝາຍວົງຢືມບໍ່ປິດ?).", en: "The row cannot be read (an unclosed quote?)." }
    ErrCsvColumns { vi: "Số cột của dòng khác với tiêu đề.", lo: "ຈຳນວນຖັນຂອງແຖວບໍ່ກົງກັບຫົວຕາຕະລາງ.", en: "The row has a different number of columns than the header." }
    ErrYesNo { vi: "Ghi yes hoặc no.", lo: "ຂຽນ yes ຫຼື no.", en: "Write yes or no." }
    ErrChooseFile { vi: "Chọn một tệp.", lo: "ເລືອກໄຟລ໌.", en: "Choose a file." }
    ErrRemoved { vi: "Tin đã bị kiểm duyệt viên gỡ và không thể thay đổi.", lo: "ປະກາດຖືກຜູ້ກວດກາລຶບອອກ ແລະ ປ່ຽນແປງບໍ່ໄດ້.", en: "A moderator removed this listing; it cannot be changed." }
    BillionUsd { vi: "{n} tỷ USD", lo: "{n} ຕື້ ໂດລາ", en: "${n} billion" }
    MillionUsd { vi: "{n} triệu USD", lo: "{n} ລ້ານ ໂດລາ", en: "${n} million" }
}

/// The plural category of a count (CLDR): Vietnamese and Lao have one form for every number;
/// English has "one" (exactly 1) and "other".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    One,
    Other,
}

pub fn plural(lang: Lang, n: u64) -> Plural {
    match lang {
        Lang::En if n == 1 => Plural::One,
        _ => Plural::Other,
    }
}

/// A count in words: `one` for the "one" category, `other` for the rest, `{n}` filled in.
pub fn count(lang: Lang, n: u64, one: Msg, other: Msg) -> String {
    let msg = match plural(lang, n) {
        Plural::One => one,
        Plural::Other => other,
    };
    t(lang, msg).replace("{n}", &n.to_string())
}

/// Formats a US-dollar amount the way each language writes it ("2.36 billion", "2,36 tỷ").
pub fn format_usd(lang: Lang, usd: i64) -> String {
    let (value, msg) = if usd.abs() >= 1_000_000_000 {
        (usd as f64 / 1e9, Msg::BillionUsd)
    } else {
        (usd as f64 / 1e6, Msg::MillionUsd)
    };
    let mut number = format!("{value:.2}");
    while number.ends_with('0') {
        number.pop();
    }
    if number.ends_with('.') {
        number.pop();
    }
    if lang != Lang::En {
        // Vietnamese and Lao write the decimal separator as a comma.
        number = number.replace('.', ",");
    }
    t(lang, msg).replace("{n}", &number)
}

/// Formats a percentage with one decimal, signed ("+57.0%").
pub fn format_pct(lang: Lang, pct: f64, signed: bool) -> String {
    let text = if signed {
        format!("{pct:+.1}%")
    } else {
        format!("{pct:.1}%")
    };
    if lang == Lang::En {
        text
    } else {
        text.replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_lao_script(s: &str) -> bool {
        s.chars().any(|c| ('\u{0E80}'..='\u{0EFF}').contains(&c))
    }

    #[test]
    fn every_message_has_text_in_every_language() {
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!msg.text(lang).trim().is_empty(), "{msg:?} is empty in {lang:?}");
            }
            assert!(has_lao_script(msg.text(Lang::Lo)), "{msg:?} has no Lao script in Lao");
        }
    }

    #[test]
    fn placeholders_are_the_same_in_every_language() {
        for msg in Msg::ALL {
            let holes = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split('}').next())
                    .map(str::to_owned)
                    .collect();
                v.sort();
                v
            };
            let en = holes(msg.text(Lang::En));
            for lang in [Lang::Vi, Lang::Lo] {
                assert_eq!(holes(msg.text(lang)), en, "{msg:?} placeholders differ in {lang:?}");
            }
        }
    }

    #[test]
    fn language_codes_parse_leniently_and_unknown_codes_are_rejected() {
        assert_eq!(Lang::parse("vi"), Some(Lang::Vi));
        assert_eq!(Lang::parse("lo-LA"), Some(Lang::Lo));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("xx"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn accept_language_honours_quality_values() {
        assert_eq!(Lang::from_accept_language("fr-FR,lo;q=0.8,vi;q=0.9"), Some(Lang::Vi));
        assert_eq!(Lang::from_accept_language("lo-LA,en;q=0.5"), Some(Lang::Lo));
        assert_eq!(Lang::from_accept_language("de,fr;q=0.7"), None);
        assert_eq!(Lang::from_accept_language("vi;q=0,en"), Some(Lang::En));
    }

    #[test]
    fn pick_falls_back_when_a_translation_is_missing() {
        assert_eq!(Lang::Lo.pick("Cao su", "", "Rubber"), "Rubber");
        assert_eq!(Lang::Lo.pick("Cao su", "ຢາງພາລາ", "Rubber"), "ຢາງພາລາ");
        assert_eq!(Lang::En.pick("Cao su", "", " "), "Cao su");
    }

    #[test]
    fn counts_take_the_plural_form_of_each_language() {
        assert_eq!(count(Lang::En, 1, Msg::SearchTotalOne, Msg::SearchTotal), "1 result");
        assert_eq!(count(Lang::En, 0, Msg::SearchTotalOne, Msg::SearchTotal), "0 results");
        assert_eq!(count(Lang::En, 2, Msg::GatesCountOne, Msg::GatesCount), "2 gate pairs");
        assert_eq!(count(Lang::En, 1, Msg::GatesCountOne, Msg::GatesCount), "1 gate pair");
        assert_eq!(count(Lang::Vi, 1, Msg::SearchTotalOne, Msg::SearchTotal), "1 kết quả");
        assert_eq!(count(Lang::Lo, 21, Msg::GatesCountOne, Msg::GatesCount), "21 ຄູ່ດ່ານ");
    }

    #[test]
    fn usd_amounts_are_written_per_language() {
        assert_eq!(format_usd(Lang::En, 2_360_000_000), "$2.36 billion");
        assert_eq!(format_usd(Lang::Vi, 2_360_000_000), "2,36 tỷ USD");
        assert_eq!(format_usd(Lang::En, 884_000_000), "$884 million");
        assert_eq!(format_usd(Lang::Lo, 2_000_000_000), "2 ຕື້ ໂດລາ");
        assert_eq!(format_pct(Lang::Vi, 57.04, true), "+57,0%");
    }
}

/// Chooses the page language: an explicit `?lang=` wins, then the saved cookie, then the
/// browser's `Accept-Language`, then the default. Unknown codes are ignored.
pub fn resolve_lang(query: Option<&str>, cookie_header: Option<&str>, accept_language: Option<&str>) -> Lang {
    query_lang(query)
        .or_else(|| cookie_lang(cookie_header))
        .or_else(|| accept_language.and_then(Lang::from_accept_language))
        .unwrap_or_default()
}

/// The `lang` parameter of a query string, if it names a supported language.
pub fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Lang::parse)
}

fn cookie_lang(cookie_header: Option<&str>) -> Option<Lang> {
    cookie_header?
        .split(';')
        .filter_map(|c| c.trim().split_once('='))
        .find(|(name, _)| *name == Lang::COOKIE)
        .and_then(|(_, value)| Lang::parse(value))
}

/// The same page in another language: the query is kept, `lang` replaced.
pub fn lang_href(path: &str, query: Option<&str>, lang: Lang) -> String {
    let mut params: Vec<&str> = query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("lang="))
        .collect();
    let lang_param = format!("lang={}", lang.code());
    params.push(&lang_param);
    format!("{path}?{}", params.join("&"))
}

#[cfg(test)]
mod resolve_tests {
    use super::*;

    #[test]
    fn explicit_choice_beats_cookie_and_browser() {
        assert_eq!(
            resolve_lang(Some("a=1&lang=lo"), Some("corridor_lang=vi"), Some("en")),
            Lang::Lo
        );
        assert_eq!(resolve_lang(None, Some("x=1; corridor_lang=vi"), Some("lo")), Lang::Vi);
        assert_eq!(resolve_lang(None, None, Some("lo-LA,en;q=0.3")), Lang::Lo);
        assert_eq!(resolve_lang(None, None, None), Lang::default());
    }

    #[test]
    fn unknown_language_code_falls_back_without_error() {
        assert_eq!(
            resolve_lang(Some("lang=xx"), Some("corridor_lang=zz"), Some("vi")),
            Lang::Vi
        );
        assert_eq!(resolve_lang(Some("lang=xx"), None, None), Lang::default());
    }

    #[test]
    fn language_links_keep_the_rest_of_the_query() {
        assert_eq!(
            lang_href("/gates", Some("level=main&lang=vi"), Lang::Lo),
            "/gates?level=main&lang=lo"
        );
        assert_eq!(lang_href("/", None, Lang::En), "/?lang=en");
    }
}
