import json, pathlib
A = []
def art(slug, lang, published, text, statements, dates, figures):
    A.append((slug, lang, published, text.strip() + "\n", statements, dates, figures))
S = lambda text, speaker, direct: {"text": text, "speaker": speaker, "direct": direct}
D = lambda date_text, date, grain: {"date_text": date_text, "date": date, "grain": grain}
Fg = lambda text, value, unit: {"text": text, "value": value, "unit": unit}

art("01_ar_fidan_talks", "ar", "2025-03-13T10:00:00+03:00", """
قال وزير الخارجية التركي، هاكان فيدان، الأربعاء، إن بلاده ستستضيف جولة جديدة من المحادثات حول سوريا في أنقرة الأسبوع المقبل. وأضاف فيدان في مؤتمر صحفي مع نظيره الأردني أن "الاستقرار في سوريا مصلحة مشتركة لكل دول المنطقة"، مشيرًا إلى أن الاجتماع سيضم ممثلين عن خمس دول.

وكان الوزير التركي قد زار دمشق في 15 من كانون الثاني الماضي، حيث التقى الرئيس السوري، أحمد الشرع، لمدة ثلاث ساعات.

من جهتها، أعلنت وزارة الخارجية الأردنية في بيان أمس أن الوزير أيمن الصفدي سيشارك في الاجتماع.
""", [
    S("بلاده ستستضيف جولة جديدة من المحادثات حول سوريا في أنقرة", "هاكان فيدان", False),
    S("الاستقرار في سوريا مصلحة مشتركة لكل دول المنطقة", "هاكان فيدان", True),
    S("الاجتماع سيضم ممثلين عن خمس دول", "هاكان فيدان", False),
    S("الوزير أيمن الصفدي سيشارك في الاجتماع", "وزارة الخارجية الأردنية", False),
], [
    D("الأربعاء", "2025-03-12", "day"), D("الأسبوع المقبل", "2025-W12", "week"),
    D("15 من كانون الثاني الماضي", "2025-01-15", "day"), D("أمس", "2025-03-12", "day"),
], [Fg("خمس دول", 5, "country"), Fg("ثلاث ساعات", 3, "hour")])

art("02_ar_sohag_train", "ar", "2025-06-02T09:00:00+03:00", """
أعلن المتحدث باسم وزارة الصحة المصرية، حسام عبد الغفار، ارتفاع عدد المصابين في حادث القطار بمحافظة سوهاج إلى 42 مصابًا. وقال عبد الغفار في تصريحات تلفزيونية، مساء الأحد، إن "جميع المصابين يتلقون الرعاية اللازمة، وحالتهم مستقرة". وأوضح أن الحادث وقع صباح 31 مايو الماضي، وأسفر عن مقتل أربعة أشخاص.

وأكدت هيئة السكك الحديدية أن حركة القطارات ستعود إلى طبيعتها غدًا، بعد انتهاء أعمال الصيانة التي تستغرق يومين.
""", [
    S("ارتفاع عدد المصابين في حادث القطار بمحافظة سوهاج إلى 42 مصابًا", "حسام عبد الغفار", False),
    S("جميع المصابين يتلقون الرعاية اللازمة، وحالتهم مستقرة", "حسام عبد الغفار", True),
    S("الحادث وقع صباح 31 مايو الماضي", "حسام عبد الغفار", False),
    S("حركة القطارات ستعود إلى طبيعتها غدًا", "هيئة السكك الحديدية", False),
], [
    D("الأحد", "2025-06-01", "day"), D("31 مايو الماضي", "2025-05-31", "day"), D("غدًا", "2025-06-03", "day"),
], [Fg("42 مصابًا", 42, "injured"), Fg("أربعة أشخاص", 4, "person"), Fg("يومين", 2, "day")])

art("03_ar_algeria_smuggling", "ar", "2025-02-20T12:00:00+01:00", """
أعلنت وزارة الداخلية الجزائرية، الثلاثاء، توقيف ستة أشخاص يشتبه في تورطهم في تهريب الوقود عبر الحدود الشرقية. وقالت الوزارة في بيان إن العملية جرت في 17 فيفري الجاري بولاية تبسة، وإن المحجوزات شملت نحو 3 آلاف لتر من البنزين.

ومن المقرر أن يمثل الموقوفون أمام القضاء في 3 مارس المقبل، وفق المصدر ذاته.

وكانت السلطات قد أعلنت في جانفي 2025 عن خطة لمكافحة التهريب تمتد حتى ديسمبر 2026.
""", [
    S("توقيف ستة أشخاص يشتبه في تورطهم في تهريب الوقود", "وزارة الداخلية الجزائرية", False),
    S("العملية جرت في 17 فيفري الجاري بولاية تبسة", "وزارة الداخلية الجزائرية", False),
    S("ومن المقرر أن يمثل الموقوفون أمام القضاء في 3 مارس المقبل", "وزارة الداخلية الجزائرية", False),
], [
    D("الثلاثاء", "2025-02-18", "day"), D("17 فيفري الجاري", "2025-02-17", "day"), D("3 مارس المقبل", "2025-03-03", "day"),
    D("جانفي 2025", "2025-01", "month"), D("ديسمبر 2026", "2026-12", "month"),
], [Fg("ستة أشخاص", 6, "person"), Fg("3 آلاف لتر", 3000, "litre")])

art("04_ar_ramadan_hijri", "ar", "2025-02-28T20:00:00+03:00", """
أعلنت المحكمة العليا في السعودية أن يوم غد السبت هو الأول من رمضان 1446 هـ، بعد ثبوت رؤية الهلال مساء اليوم. وقالت المحكمة في بيان نشرته وكالة الأنباء السعودية "واس" إن عيد الفطر يتوقع أن يوافق 1 شوال 1446 هـ.

وكانت الهيئة العامة للإحصاء قد ذكرت أن عدد المعتمرين خلال الشهر الماضي تجاوز مليوني معتمر.

ويذكر أن الحرمين الشريفين استقبلا خلال العام الماضي أكثر من 6 ملايين زائر.
""", [
    S("يوم غد السبت هو الأول من رمضان 1446 هـ", "المحكمة العليا", False),
    S("عيد الفطر يتوقع أن يوافق 1 شوال 1446 هـ", "المحكمة العليا", False),
    S("عدد المعتمرين خلال الشهر الماضي تجاوز مليوني معتمر", "الهيئة العامة للإحصاء", False),
], [
    D("يوم غد السبت", "2025-03-01", "day"), D("الأول من رمضان 1446 هـ", "2025-03-01", "day"),
    D("اليوم", "2025-02-28", "day"), D("عيد الفطر", "2025-03-30", "day"), D("1 شوال 1446 هـ", "2025-03-30", "day"),
    D("الشهر الماضي", "2025-01", "month"), D("العام الماضي", "2024", "year"),
], [Fg("مليوني معتمر", 2000000, "pilgrim"), Fg("6 ملايين زائر", 6000000, "visitor")])

art("05_ar_iraq_elections_indic", "ar", "2024-11-14T08:00:00+03:00", """
قال رئيس الوزراء العراقي، محمد شياع السوداني، إن الانتخابات البرلمانية ستجري في ١١ تشرين الثاني/نوفمبر ٢٠٢٥، مؤكدًا أن "الحكومة ملتزمة بالموعد الدستوري". وأضاف السوداني خلال لقائه وفدًا من الأمم المتحدة، الثلاثاء الماضي، أن نحو ٢١ مليون ناخب يحق لهم التصويت.

وبحسب المفوضية العليا المستقلة للانتخابات، فإن تحديث سجل الناخبين انتهى في ٣١ آب/أغسطس الماضي.
""", [
    S("الانتخابات البرلمانية ستجري في ١١ تشرين الثاني/نوفمبر ٢٠٢٥", "محمد شياع السوداني", False),
    S("الحكومة ملتزمة بالموعد الدستوري", "محمد شياع السوداني", True),
    S("نحو ٢١ مليون ناخب يحق لهم التصويت", "محمد شياع السوداني", False),
    S("تحديث سجل الناخبين انتهى في ٣١ آب/أغسطس الماضي", "المفوضية العليا المستقلة للانتخابات", False),
], [
    D("١١ تشرين الثاني/نوفمبر ٢٠٢٥", "2025-11-11", "day"), D("الثلاثاء الماضي", "2024-11-12", "day"),
    D("٣١ آب/أغسطس الماضي", "2024-08-31", "day"),
], [Fg("٢١ مليون ناخب", 21000000, "voter")])

art("06_ar_daraa_clashes", "ar", "2025-09-15T14:00:00+03:00", """
أفاد مراسل عنب بلدي في درعا، اليوم الاثنين، بأن اشتباكات اندلعت بين مجموعات محلية في بلدة طفس، أسفرت عن مقتل شخصين وإصابة سبعة أشخاص آخرين.

ونقل المراسل عن مصادر طبية أن المصابين نقلوا إلى مستشفى درعا الوطني. وقالت مصادر محلية لعنب بلدي إن التوتر بدأ منذ يومين، بعد خلاف على أرض زراعية.

وكان محافظ درعا قد أعلن، الخميس الماضي، عن اجتماع مع وجهاء المنطقة، الأحد المقبل، لبحث الأوضاع الأمنية.
""", [
    S("اشتباكات اندلعت بين مجموعات محلية في بلدة طفس", "مراسل عنب بلدي في درعا", False),
    S("المصابين نقلوا إلى مستشفى درعا الوطني", "مصادر طبية", False),
    S("التوتر بدأ منذ يومين، بعد خلاف على أرض زراعية", "مصادر محلية", False),
], [
    D("اليوم الاثنين", "2025-09-15", "day"), D("منذ يومين", "2025-09-13", "day"),
    D("الخميس الماضي", "2025-09-11", "day"), D("الأحد المقبل", "2025-09-21", "day"),
], [Fg("شخصين", 2, "person"), Fg("سبعة أشخاص", 7, "person")])

art("07_ar_guterres_gaza", "ar", "2025-05-20T11:00:00+03:00", """
قال الأمين العام للأمم المتحدة، أنطونيو غوتيريش، في كلمة أمام مجلس الأمن: «الوضع الإنساني في غزة كارثي. لا يمكن للعالم أن يقف متفرجًا».

وأضاف غوتيريش أن المنظمة تحتاج إلى 4 مليارات دولار لتمويل عملياتها حتى نهاية العام الجاري.

من جانبه، قال المندوب الفرنسي لدى الأمم المتحدة، نيكولا دي ريفيير، إن بلاده "ستواصل الضغط من أجل وقف إطلاق النار"، لافتًا إلى أن باريس ستستضيف مؤتمرًا دوليًا حول غزة في 17 حزيران المقبل.

ومن المقرر أن يصوت المجلس على مشروع القرار يوم الخميس، بحسب دبلوماسيين.
""", [
    S("الوضع الإنساني في غزة كارثي. لا يمكن للعالم أن يقف متفرجًا", "أنطونيو غوتيريش", True),
    S("المنظمة تحتاج إلى 4 مليارات دولار لتمويل عملياتها", "أنطونيو غوتيريش", False),
    S("ستواصل الضغط من أجل وقف إطلاق النار", "نيكولا دي ريفيير", True),
    S("باريس ستستضيف مؤتمرًا دوليًا حول غزة في 17 حزيران المقبل", "نيكولا دي ريفيير", False),
    S("ومن المقرر أن يصوت المجلس على مشروع القرار يوم الخميس", "دبلوماسيين", False),
], [
    D("العام الجاري", "2025", "year"), D("17 حزيران المقبل", "2025-06-17", "day"), D("يوم الخميس", "2025-05-22", "day"),
], [Fg("4 مليارات دولار", 4000000000, "dollar")])

art("08_ar_names_in_quotes", "ar", "2025-08-05T16:00:00+03:00", """
نشرت صحيفة "الشرق الأوسط" تقريرًا عن نشاط تنظيم "الدولة" في البادية السورية، نقلت فيه عن مسؤول أمني قوله إن التنظيم نفذ 12 هجومًا خلال تموز الماضي.

وأعلن "التحالف الدولي" عبر منصة "إكس" أن قواته قتلت قياديين اثنين في غارة جوية، الأحد.

وتعمل حملة "لا للتهريب" على توعية السكان، بحسب القائمين عليها.
""", [
    S("التنظيم نفذ 12 هجومًا خلال تموز الماضي", "مسؤول أمني", False),
    S("قواته قتلت قياديين اثنين في غارة جوية", "التحالف الدولي", False),
    S("على توعية السكان", "القائمين عليها", False),
], [
    D("تموز الماضي", "2025-07", "month"), D("الأحد", "2025-08-03", "day"),
], [Fg("12 هجومًا", 12, "attack"), Fg("قياديين اثنين", 2, "leader")])

art("09_en_macron_sharaa", "en", "2025-11-07T18:00:00+00:00", """
French President Emmanuel Macron on Friday urged Syria to join the international coalition against the Islamic State group, in talks with Syrian interim President Ahmed al-Sharaa on the sidelines of the climate summit in Belem, Brazil.

"The fight against terrorism remains a security priority for France," Macron told reporters. He added that the Paris attacks of 2015 had been planned in Syria.

White House press secretary Karoline Leavitt said on Tuesday that President Donald Trump would meet al-Sharaa at the White House next Monday.

The visit will be the first ever by a Syrian president to the White House, U.S. envoy Tom Barrack told Axios on Nov. 1.
""", [
    S("The fight against terrorism remains a security priority for France", "Emmanuel Macron", True),
    S("the Paris attacks of 2015 had been planned in Syria", "Emmanuel Macron", False),
    S("President Donald Trump would meet al-Sharaa at the White House next Monday", "Karoline Leavitt", False),
    S("The visit will be the first ever by a Syrian president to the White House", "Tom Barrack", False),
], [
    D("on Friday", "2025-11-07", "day"), D("2015", "2015", "year"), D("on Tuesday", "2025-11-04", "day"),
    D("next Monday", "2025-11-10", "day"), D("Nov. 1", "2025-11-01", "day"),
], [])

art("10_en_interior_ministry", "en", "2025-04-10T09:30:00+03:00", """
The Interior Ministry said on Wednesday that security forces had arrested 14 people suspected of smuggling weapons across the border. The ministry added that the operation lasted two days and that officers seized 3,500 rounds of ammunition.

"We will not allow our territory to become a corridor for arms," Interior Minister Anas Khattab said in a statement. Khattab said a second operation was planned for next week.

According to local sources, the suspects were transferred to Damascus on April 8.
""", [
    S("security forces had arrested 14 people suspected of smuggling weapons across the border", "Interior Ministry", False),
    S("the operation lasted two days", "Interior Ministry", False),
    S("We will not allow our territory to become a corridor for arms", "Anas Khattab", True),
    S("a second operation was planned for next week", "Anas Khattab", False),
    S("the suspects were transferred to Damascus on April 8", "local sources", False),
], [
    D("on Wednesday", "2025-04-09", "day"), D("next week", "2025-W16", "week"), D("April 8", "2025-04-08", "day"),
], [Fg("14 people", 14, "person"), Fg("two days", 2, "day"), Fg("3,500 rounds", 3500, "round")])

art("11_en_damascus_falls", "en", "2024-12-09T12:00:00+00:00", """
Syrian rebels captured Damascus on Sunday, ending more than 50 years of Assad family rule, according to witnesses.

"This victory is for all Syrians," rebel leader Ahmed al-Sharaa told a crowd at the Umayyad Mosque. "We have a long road ahead."

Russia's foreign ministry said Bashar al-Assad had left Syria and resigned. Last week, the UN said more than 280,000 people had been displaced since November 27.
""", [
    S("Syrian rebels captured Damascus on Sunday", "witnesses", False),
    S("This victory is for all Syrians", "Ahmed al-Sharaa", True),
    S("We have a long road ahead", "Ahmed al-Sharaa", True),
    S("Bashar al-Assad had left Syria and resigned", "Russia's foreign ministry", False),
    S("more than 280,000 people had been displaced since November 27", "UN", False),
], [
    D("on Sunday", "2024-12-08", "day"), D("Last week", "2024-W49", "week"), D("November 27", "2024-11-27", "day"),
], [Fg("50 years", 50, "year"), Fg("280,000 people", 280000, "person")])

art("12_en_central_bank", "en", "2025-01-20T15:00:00+00:00", """
The central bank raised its benchmark interest rate by 0.5 percentage points on Thursday, its third increase since October. Governor Maria Lopez said inflation was expected to fall below 4 percent by the end of 2025.

"We are confident the worst is behind us," Lopez said, adding that the bank would review rates again in March.

Reuters analysts noted that the currency lost 12% against the dollar last month.
""", [
    S("inflation was expected to fall below 4 percent by the end of 2025", "Maria Lopez", False),
    S("We are confident the worst is behind us", "Maria Lopez", True),
    S("the bank would review rates again in March", "Maria Lopez", False),
    S("the currency lost 12% against the dollar last month", "Reuters analysts", False),
], [
    D("on Thursday", "2025-01-16", "day"), D("October", "2024-10", "month"), D("2025", "2025", "year"),
    D("in March", "2025-03", "month"), D("last month", "2024-12", "month"),
], [Fg("0.5 percentage points", 0.5, "percentage point"), Fg("4 percent", 4, "percent"), Fg("12%", 12, "percent")])

art("13_ar_aramco", "ar", "2025-07-01T10:00:00+03:00", """
قالت شركة "أرامكو" السعودية في بيان، أمس الاثنين، إنها ستخفض إنتاجها بمقدار 200 ألف برميل يوميًا اعتبارًا من أغسطس المقبل.

وأضافت الشركة أن أرباحها في الربع الأول من العام الجاري بلغت 26 مليار دولار، مقارنة بـ 27 مليار دولار في الفترة ذاتها من عام 2024.

ويتوقع محللون أن ترتفع الأسعار خلال الفترة المقبلة.
""", [
    S("ستخفض إنتاجها بمقدار 200 ألف برميل يوميًا اعتبارًا من أغسطس المقبل", "أرامكو", False),
    S("أرباحها في الربع الأول من العام الجاري بلغت 26 مليار دولار", "أرامكو", False),
], [
    D("أمس الاثنين", "2025-06-30", "day"), D("أغسطس المقبل", "2025-08", "month"), D("العام الجاري", "2025", "year"),
    D("عام 2024", "2024", "year"),
], [Fg("200 ألف برميل", 200000, "barrel"), Fg("26 مليار دولار", 26000000000, "dollar"), Fg("27 مليار دولار", 27000000000, "dollar")])

art("14_ar_shaibani_berlin", "ar", "2025-10-02T19:00:00+03:00", """
أكد وزير الخارجية السوري، أسعد الشيباني، أن دمشق تسعى إلى علاقات متوازنة مع جميع الدول. وجاءت تصريحات الشيباني خلال مؤتمر صحفي مشترك مع وزير الخارجية الألماني، يوهان فاديفول، في برلين.

من جهته، قال فاديفول إن ألمانيا ستقدم مساعدات بقيمة 60 مليون يورو لدعم إعادة الإعمار، معتبرًا أن "سوريا الجديدة تستحق فرصة".

وأوضح الوزير الألماني أن بلاده ستعيد فتح سفارتها في دمشق مطلع العام المقبل.

وكان الشيباني قد زار الرياض في 23 أيلول الماضي.
""", [
    S("دمشق تسعى إلى علاقات متوازنة مع جميع الدول", "أسعد الشيباني", False),
    S("ألمانيا ستقدم مساعدات بقيمة 60 مليون يورو لدعم إعادة الإعمار", "يوهان فاديفول", False),
    S("سوريا الجديدة تستحق فرصة", "يوهان فاديفول", True),
    S("بلاده ستعيد فتح سفارتها في دمشق مطلع العام المقبل", "يوهان فاديفول", False),
], [
    D("العام المقبل", "2026", "year"), D("23 أيلول الماضي", "2025-09-23", "day"),
], [Fg("60 مليون يورو", 60000000, "euro")])

art("15_ar_aleppo_protests", "ar", "2025-12-01T09:00:00+03:00", """
شهدت مدينة حلب، السبت الماضي، احتجاجات شارك فيها مئات الأشخاص للمطالبة بتحسين الخدمات. وقال أحد المشاركين لعنب بلدي إن الكهرباء لا تصل إلى الأحياء الشرقية أكثر من ساعتين يوميًا.

من جهتها، ذكرت محافظة حلب في بيان، الأحد، أنها خصصت 5 مليارات ليرة سورية لإصلاح الشبكة، وأن الأعمال ستبدأ في كانون الثاني 2026.

وكانت المحافظة قد وعدت في تشرين الأول المنصرم بحل المشكلة خلال شهرين.
""", [
    S("الكهرباء لا تصل إلى الأحياء الشرقية أكثر من ساعتين يوميًا", "أحد المشاركين", False),
    S("خصصت 5 مليارات ليرة سورية لإصلاح الشبكة", "محافظة حلب", False),
], [
    D("السبت الماضي", "2025-11-29", "day"), D("الأحد", "2025-11-30", "day"), D("كانون الثاني 2026", "2026-01", "month"),
    D("تشرين الأول المنصرم", "2025-10", "month"),
], [Fg("ساعتين", 2, "hour"), Fg("5 مليارات ليرة", 5000000000, "lira"), Fg("شهرين", 2, "month")])

art("16_en_who_cholera", "en", "2025-08-14T07:00:00+00:00", """
According to the World Health Organization, cholera cases in Sudan rose by 30 percent in July.

The agency's regional director, Hanan Balkhy, said the outbreak had spread to five states, warning that "the rainy season will make things worse."

Balkhy said the WHO had delivered 1.2 million vaccine doses since June 1 and that another shipment would arrive on Saturday.
""", [
    S("cholera cases in Sudan rose by 30 percent in July", "World Health Organization", False),
    S("the outbreak had spread to five states", "Hanan Balkhy", False),
    S("the rainy season will make things worse", "Hanan Balkhy", True),
    S("the WHO had delivered 1.2 million vaccine doses since June 1", "Hanan Balkhy", False),
], [
    D("in July", "2025-07", "month"), D("June 1", "2025-06-01", "day"), D("on Saturday", "2025-08-16", "day"),
], [Fg("30 percent", 30, "percent"), Fg("five states", 5, "state"), Fg("1.2 million vaccine doses", 1200000, "dose")])

art("17_ar_maghreb_rail", "ar", "2025-10-20T13:00:00+01:00", """
أعلن المكتب الوطني للسكك الحديدية في المغرب أن القطار فائق السرعة سيربط مراكش بالدار البيضاء ابتداءً من شتنبر 2029. وأوضح المدير العام للمكتب، محمد ربيع الخليع، في ندوة صحفية، الجمعة 17 أكتوبر، أن كلفة المشروع تبلغ 53 مليار درهم.

وفي تونس، قالت الشركة الوطنية للسكك الحديدية إن الرحلات بين تونس العاصمة وسوسة ستستأنف في 3 نوفمبر القادم، بعد توقفها منذ جويلية الماضي.
""", [
    S("القطار فائق السرعة سيربط مراكش بالدار البيضاء", "المكتب الوطني للسكك الحديدية", False),
    S("كلفة المشروع تبلغ 53 مليار درهم", "محمد ربيع الخليع", False),
    S("الرحلات بين تونس العاصمة وسوسة ستستأنف في 3 نوفمبر القادم", "الشركة الوطنية للسكك الحديدية", False),
], [
    D("شتنبر 2029", "2029-09", "month"), D("الجمعة 17 أكتوبر", "2025-10-17", "day"), D("3 نوفمبر القادم", "2025-11-03", "day"),
    D("جويلية الماضي", "2025-07", "month"),
], [Fg("53 مليار درهم", 53000000000, "dirham")])

art("18_en_zelensky", "en", "2025-03-03T20:00:00+02:00", """
Speaking at a press conference in Kyiv on Monday, President Volodymyr Zelensky said: "We need security guarantees. Without them, any ceasefire will not last."

Zelensky added that Ukraine had lost 43,000 soldiers since February 2022. The Kremlin dismissed the remarks, with spokesman Dmitry Peskov telling reporters that Moscow "does not see any basis for talks" at present.

Peace talks are scheduled to resume in Riyadh next Tuesday, two officials said.
""", [
    S("We need security guarantees. Without them, any ceasefire will not last.", "Volodymyr Zelensky", True),
    S("Ukraine had lost 43,000 soldiers since February 2022", "Volodymyr Zelensky", False),
    S("does not see any basis for talks", "Dmitry Peskov", True),
    S("Peace talks are scheduled to resume in Riyadh next Tuesday", "two officials", False),
], [
    D("on Monday", "2025-03-03", "day"), D("February 2022", "2022-02", "month"), D("next Tuesday", "2025-03-11", "day"),
], [Fg("43,000 soldiers", 43000, "soldier")])

art("19_ar_lebanon_army", "ar", "2025-04-22T12:00:00+03:00", """
قال المتحدث باسم الجيش اللبناني، العميد فادي عيسى، لوكالة “فرانس برس”: “نشرنا 1500 جندي إضافي في الجنوب خلال الأسبوع الماضي”.

وتابع: „سنواصل التنسيق مع قوات اليونيفيل“.

وفي بيروت، صرح رئيس الحكومة، نواف سلام، بأن الحكومة ستعقد جلسة استثنائية الخميس المقبل لمناقشة خطة الانتشار.
""", [
    S("نشرنا 1500 جندي إضافي في الجنوب خلال الأسبوع الماضي", "فادي عيسى", True),
    S("سنواصل التنسيق مع قوات اليونيفيل", "فادي عيسى", True),
    S("الحكومة ستعقد جلسة استثنائية الخميس المقبل لمناقشة خطة الانتشار", "نواف سلام", False),
], [
    D("الأسبوع الماضي", "2025-W16", "week"), D("الخميس المقبل", "2025-04-24", "day"),
], [Fg("1500 جندي", 1500, "soldier")])

art("20_en_iran_talks", "en", "2025-06-16T08:00:00+03:30", """
Iran's foreign minister, Abbas Araghchi, said on Sunday that talks with the United States scheduled for June 15 had been cancelled.

The sixth round of negotiations had been set for Muscat, Oman. Araghchi said Tehran would decide next week whether to attend future rounds.

Oman's foreign ministry said in a statement yesterday that it regretted the cancellation.
""", [
    S("talks with the United States scheduled for June 15 had been cancelled", "Abbas Araghchi", False),
    S("Tehran would decide next week whether to attend future rounds", "Abbas Araghchi", False),
    S("it regretted the cancellation", "Oman's foreign ministry", False),
], [
    D("on Sunday", "2025-06-15", "day"), D("June 15", "2025-06-15", "day"), D("next week", "2025-W26", "week"),
    D("yesterday", "2025-06-15", "day"),
], [])

art("21_ar_who_gaza_hospitals", "ar", "2025-02-10T10:00:00+02:00", """
قالت منظمة الصحة العالمية إن ثلاث مستشفيات فقط ما زالت تعمل في شمال غزة. وأشارت المنظمة إلى نقص حاد في الأدوية والوقود، موضحةً أن عشرين طفلًا توفوا بسبب سوء التغذية منذ بداية العام.

وقال مدير مستشفى كمال عدوان، حسام أبو صفية، لقناة “الجزيرة” إن المستشفى يستقبل يوميًا أكثر من مئة مريض.
""", [
    S("ثلاث مستشفيات فقط ما زالت تعمل في شمال غزة", "منظمة الصحة العالمية", False),
    S("نقص حاد في الأدوية والوقود", "منظمة الصحة العالمية", False),
    S("عشرين طفلًا توفوا بسبب سوء التغذية", "منظمة الصحة العالمية", False),
    S("المستشفى يستقبل يوميًا أكثر من مئة مريض", "حسام أبو صفية", False),
], [
    D("بداية العام", "2025", "year"),
], [Fg("ثلاث مستشفيات", 3, "hospital"), Fg("عشرين طفلًا", 20, "child"), Fg("مئة مريض", 100, "patient")])

art("22_en_eid_moon", "en", "2025-03-28T10:00:00+03:00", """
Muslims will look for the crescent moon on Saturday evening, Saudi Arabia's Supreme Court said.

Officials said Eid al-Fitr would fall on Sunday, March 30, if the moon is sighted.

Last year, Eid began on April 10, 2024, the court said in a statement.
""", [
    S("Muslims will look for the crescent moon on Saturday evening", "Supreme Court", False),
    S("Eid al-Fitr would fall on Sunday, March 30, if the moon is sighted", "Officials", False),
    S("Last year, Eid began on April 10, 2024", "Supreme Court", False),
], [
    D("on Saturday", "2025-03-29", "day"), D("Eid al-Fitr", "2025-03-30", "day"), D("Sunday, March 30", "2025-03-30", "day"),
    D("Last year", "2024", "year"), D("April 10, 2024", "2024-04-10", "day"),
], [])

# 23-26 were written after the extractor was tuned on 01-22 and scored untouched first
# (statements recall 0.93, speakers 0.93, dates 0.91, figures 0.83); the misses led to
# general fixes (an adjunct between subject and object after أعلن, "planned for" as a
# future cue, trucks), and they are part of the corpus since.
art("23_ar_energy_heldout","ar","2025-09-04T12:00:00+03:00","""
قال وزير الطاقة السوري، محمد البشير، إن محطة جديدة لتوليد الكهرباء ستدخل الخدمة في تشرين الأول المقبل، وستضيف 300 ميغاواط إلى الشبكة.
وأوضح البشير في لقاء مع التلفزيون الرسمي، مساء الأربعاء، أن ساعات التقنين ستنخفض إلى أربع ساعات يوميًا.
من جهتها، ذكرت وكالة "سانا" أن الحكومة وقعت في 28 آب الماضي عقدًا مع شركة قطرية لتوريد الغاز.
""",[S("محطة جديدة لتوليد الكهرباء ستدخل الخدمة في تشرين الأول المقبل","محمد البشير",False),
     S("ساعات التقنين ستنخفض إلى أربع ساعات يوميًا","محمد البشير",False),
     S("الحكومة وقعت في 28 آب الماضي عقدًا مع شركة قطرية لتوريد الغاز","سانا",False)],
 [D("تشرين الأول المقبل","2025-10","month"),D("الأربعاء","2025-09-03","day"),D("28 آب الماضي","2025-08-28","day")],
 [Fg("أربع ساعات",4,"hour")])
art("24_ar_red_crescent_heldout","ar","2025-05-12T09:00:00+02:00","""
أعلن الهلال الأحمر المصري، الأحد، إرسال قافلة مساعدات جديدة إلى غزة تضم 120 شاحنة. وقال مدير الفرع في شمال سيناء، خالد زايد، إن "القوافل لن تتوقف"، مضيفًا أن قافلة أخرى ستنطلق بعد غد.
وبحسب الأمم المتحدة، فإن نحو مليوني شخص في القطاع يعتمدون على المساعدات.
""",[S("إرسال قافلة مساعدات جديدة إلى غزة تضم 120 شاحنة","الهلال الأحمر المصري",False),
     S("القوافل لن تتوقف","خالد زايد",True),
     S("قافلة أخرى ستنطلق بعد غد","خالد زايد",False),
     S("نحو مليوني شخص في القطاع يعتمدون على المساعدات","الأمم المتحدة",False)],
 [D("الأحد","2025-05-11","day"),D("بعد غد","2025-05-14","day")],
 [Fg("120 شاحنة",120,"truck"),Fg("مليوني شخص",2000000,"person")])
art("25_en_turkey_heldout","en","2025-02-14T16:00:00+00:00","""
Turkey's defence minister, Yasar Guler, said on Thursday that Ankara would keep its troops in northern Syria "as long as the threat continues."
Guler told reporters in Brussels that 11 militants had been killed in strikes last week. The ministry said a further operation was planned for March 3.
"We are in close contact with Damascus," Guler added.
""",[S("as long as the threat continues","Yasar Guler",True),
     S("11 militants had been killed in strikes last week","Yasar Guler",False),
     S("a further operation was planned for March 3","ministry",False),
     S("We are in close contact with Damascus","Yasar Guler",True)],
 [D("on Thursday","2025-02-13","day"),D("last week","2025-W06","week"),D("March 3","2025-03-03","day")],
 [Fg("11 militants",11,"fighter")])
art("26_en_pakistan_floods_heldout","en","2025-07-22T08:00:00+00:00","""
Floods in Pakistan have killed at least 200 people since June 26, the National Disaster Management Authority said on Monday.
The authority's chairman, Inam Haider, warned that heavy rain would continue until the end of July. He said three dams were close to overflowing.
According to the UN, more than 1.5 million people need assistance.
""",[S("Floods in Pakistan have killed at least 200 people since June 26","National Disaster Management Authority",False),
     S("heavy rain would continue until the end of July","Inam Haider",False),
     S("three dams were close to overflowing","Inam Haider",False),
     S("more than 1.5 million people need assistance","UN",False)],
 [D("June 26","2025-06-26","day"),D("on Monday","2025-07-21","day"),D("July","2025-07","month")],
 [Fg("200 people",200,"person"),Fg("1.5 million people",1500000,"person")])

for slug, lang, published, text, st, dt, fg in A:
    pathlib.Path(slug + ".txt").write_text(text, encoding="utf-8")
    pathlib.Path(slug + ".json").write_text(json.dumps(
        {"lang": lang, "published": published, "statements": st, "dates": dt, "figures": fg},
        ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert all(s["text"] in text for s in st), (slug, [s["text"] for s in st if s["text"] not in text])
    assert all(d["date_text"] in text for d in dt), (slug, [d for d in dt if d["date_text"] not in text])
    assert all(f["text"] in text for f in fg), (slug, [f for f in fg if f["text"] not in text])
print(len(A), "articles")
