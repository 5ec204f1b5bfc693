// Russian and Vietnamese words for the demo catalogue, so a share of the products can list
// in those languages (buyers from Russia, Central Asia and Vietnam were a large part of the
// programme), and Japanese and Chinese words for company profiles. Keyed by the English
// text in catalogue-data.ts; translations.test.ts checks that every noun and modifier has one.
//
// Russian needs agreement: a noun carries its gender (m, f, n, or p for plural-only nouns
// and plural phrases), a modifier is either an adjective in the masculine nominative that
// is declined to match ("премиальный" -> "премиальная сыворотка") or, starting with "+", a
// phrase that follows the noun unchanged ("+без сахара"). Nouns are written in lower case
// (acronyms aside) so that a modifier can go before them.
import type { RegionCode } from './catalogue-data.ts';

export type Gender = 'm' | 'f' | 'n' | 'p';
export type RuVi = { ru: string; vi: string };
export type RuViNoun = RuVi & { gender: Gender };

const n = (ru: string, gender: Gender, vi: string): RuViNoun => ({ ru, gender, vi });

/** Product nouns by their English text. */
export const NOUNS_RU_VI: Readonly<Record<string, RuViNoun>> = {
  // Beauty & Cosmetics
  'Vitamin C serum': n('сыворотка с витамином C', 'f', 'Serum vitamin C'),
  'Hyaluronic acid toner': n('тонер с гиалуроновой кислотой', 'm', 'Nước hoa hồng axit hyaluronic'),
  'Snail mucin cream': n('крем с муцином улитки', 'm', 'Kem dịch nhầy ốc sên'),
  'Cica repair cream': n('восстанавливающий крем с центеллой', 'm', 'Kem phục hồi rau má'),
  'Sunscreen SPF50+': n('солнцезащитный крем SPF50+', 'm', 'Kem chống nắng SPF50+'),
  'Ceramide moisturiser': n('увлажняющий крем с керамидами', 'm', 'Kem dưỡng ẩm ceramide'),
  'Cleansing foam': n('пенка для умывания', 'f', 'Sữa rửa mặt tạo bọt'),
  'Cushion foundation': n('тональный кушон', 'm', 'Phấn nước cushion'),
  'Lip tint': n('тинт для губ', 'm', 'Son tint'),
  'BB cream': n('BB-крем', 'm', 'Kem BB'),
  'Eyeshadow palette': n('палетка теней для век', 'f', 'Bảng phấn mắt'),
  'Setting powder': n('фиксирующая пудра', 'f', 'Phấn phủ'),
  'Waterproof mascara': n('водостойкая тушь для ресниц', 'f', 'Mascara chống nước'),
  'Anti-hair-loss shampoo': n('шампунь против выпадения волос', 'm', 'Dầu gội ngăn rụng tóc'),
  'Hair treatment': n('маска для волос', 'f', 'Kem ủ tóc'),
  'Body wash': n('гель для душа', 'm', 'Sữa tắm'),
  'Body lotion': n('лосьон для тела', 'm', 'Sữa dưỡng thể'),
  'Hand cream': n('крем для рук', 'm', 'Kem dưỡng da tay'),
  'Sheet mask': n('тканевая маска', 'f', 'Mặt nạ giấy'),
  'Hydrogel eye patch': n('гидрогелевые патчи для глаз', 'p', 'Miếng dán mắt hydrogel'),
  'Modelling mask': n('альгинатная маска', 'f', 'Mặt nạ dẻo'),
  'Toner pad': n('тонер-пэды', 'p', 'Miếng toner pad'),
  'Sleeping mask': n('ночная маска', 'f', 'Mặt nạ ngủ'),
  'LED face mask': n('светодиодная маска для лица', 'f', 'Mặt nạ đèn LED'),
  'Microcurrent facial device': n('микротоковый аппарат для лица', 'm', 'Máy vi dòng chăm sóc da mặt'),
  'Ultrasonic skin scrubber': n('ультразвуковой скрабер для кожи', 'm', 'Máy sủi da siêu âm'),
  'Scalp care device': n('аппарат для ухода за кожей головы', 'm', 'Máy chăm sóc da đầu'),
  // Medical & Bio
  'COVID-19 antigen rapid test': n('экспресс-тест на антиген COVID-19', 'm', 'Kit xét nghiệm nhanh kháng nguyên COVID-19'),
  'RT-PCR detection kit': n('набор для ПЦР-диагностики (RT-PCR)', 'm', 'Bộ kit xét nghiệm RT-PCR'),
  'Influenza A/B rapid test': n('экспресс-тест на грипп A/B', 'm', 'Kit xét nghiệm nhanh cúm A/B'),
  'Blood glucose test strip': n('тест-полоски для глюкометра', 'p', 'Que thử đường huyết'),
  'Pregnancy test kit': n('тест на беременность', 'm', 'Que thử thai'),
  'Portable ultrasound scanner': n('портативный ультразвуковой сканер', 'm', 'Máy siêu âm xách tay'),
  'Patient monitor': n('монитор пациента', 'm', 'Monitor theo dõi bệnh nhân'),
  'Mechanical ventilator': n('аппарат искусственной вентиляции лёгких', 'm', 'Máy thở'),
  'Infusion pump': n('инфузионный насос', 'm', 'Bơm truyền dịch'),
  'Digital X-ray detector': n('цифровой рентгеновский детектор', 'm', 'Tấm cảm biến X-quang kỹ thuật số'),
  'Electric hospital bed': n('функциональная медицинская кровать с электроприводом', 'f', 'Giường bệnh điều khiển điện'),
  'Dental implant fixture': n('дентальный имплантат', 'm', 'Trụ implant nha khoa'),
  'Zirconia block': n('циркониевый блок', 'm', 'Phôi zirconia'),
  'Orthodontic bracket': n('ортодонтические брекеты', 'p', 'Mắc cài chỉnh nha'),
  'Dental handpiece': n('стоматологический наконечник', 'm', 'Tay khoan nha khoa'),
  'Bone graft material': n('костнопластический материал', 'm', 'Vật liệu ghép xương'),
  'Hyaluronic acid filler': n('филлер на основе гиалуроновой кислоты', 'm', 'Chất làm đầy axit hyaluronic'),
  'Botulinum toxin': n('ботулинический токсин', 'm', 'Độc tố botulinum'),
  'Generic antihypertensive tablet': n('гипотензивный препарат-дженерик в таблетках', 'm', 'Thuốc hạ huyết áp generic dạng viên'),
  'Antibiotic injection': n('антибиотик для инъекций', 'm', 'Thuốc kháng sinh dạng tiêm'),
  'Wound-healing ointment': n('ранозаживляющая мазь', 'f', 'Thuốc mỡ làm lành vết thương'),
  // Quarantine & Hygiene
  'KF94 mask': n('маска KF94', 'f', 'Khẩu trang KF94'),
  'KF80 mask': n('маска KF80', 'f', 'Khẩu trang KF80'),
  'Surgical mask': n('хирургическая маска', 'f', 'Khẩu trang y tế'),
  'N95 respirator': n('респиратор N95', 'm', 'Khẩu trang N95'),
  "Kids' mask": n('детская маска', 'f', 'Khẩu trang trẻ em'),
  'Hand sanitiser gel': n('антисептический гель для рук', 'm', 'Gel rửa tay khô'),
  'Surface disinfectant spray': n('дезинфицирующий спрей для поверхностей', 'm', 'Xịt khử khuẩn bề mặt'),
  'Hypochlorous acid water': n('раствор хлорноватистой кислоты', 'm', 'Nước axit hypochlorous'),
  'Disinfectant wipes': n('дезинфицирующие салфетки', 'p', 'Khăn ướt khử khuẩn'),
  'Protective coverall': n('защитный комбинезон', 'm', 'Bộ đồ bảo hộ liền thân'),
  'Nitrile examination gloves': n('нитриловые смотровые перчатки', 'p', 'Găng tay khám bệnh nitrile'),
  'Isolation gown': n('изоляционный халат', 'm', 'Áo choàng cách ly'),
  'Face shield': n('защитный лицевой щиток', 'm', 'Tấm chắn giọt bắn'),
  'Shoe covers': n('бахилы', 'p', 'Bọc giày'),
  'Thermal imaging camera': n('тепловизионная камера', 'f', 'Camera ảnh nhiệt'),
  'Infrared forehead thermometer': n('инфракрасный лобный термометр', 'm', 'Nhiệt kế hồng ngoại đo trán'),
  'Temperature-screening kiosk': n('киоск для измерения температуры', 'm', 'Kiosk đo thân nhiệt'),
  'Ear thermometer': n('ушной термометр', 'm', 'Nhiệt kế đo tai'),
  'Wet wipes': n('влажные салфетки', 'p', 'Khăn ướt'),
  'Antibacterial hand soap': n('антибактериальное мыло для рук', 'n', 'Xà phòng rửa tay kháng khuẩn'),
  'Disposable towels': n('одноразовые полотенца', 'p', 'Khăn lau dùng một lần'),
  'Sanitary pads': n('гигиенические прокладки', 'p', 'Băng vệ sinh'),
  'Adult diapers': n('подгузники для взрослых', 'p', 'Tã người lớn'),
  // Power Equipment
  'Oil-immersed transformer': n('масляный трансформатор', 'm', 'Máy biến áp ngâm dầu'),
  'Cast resin dry-type transformer': n('сухой трансформатор с литой изоляцией', 'm', 'Máy biến áp khô cách điện nhựa đúc'),
  'Pole-mounted transformer': n('столбовой трансформатор', 'm', 'Máy biến áp treo cột'),
  'Pad-mounted transformer': n('трансформатор наземной установки в защитном корпусе', 'm', 'Máy biến áp hợp bộ kiểu pad-mounted'),
  'Amorphous core transformer': n('трансформатор с аморфным сердечником', 'm', 'Máy biến áp lõi thép vô định hình'),
  'Gas-insulated switchgear': n('комплектное распределительное устройство с элегазовой изоляцией (КРУЭ)', 'n', 'Thiết bị đóng cắt cách điện khí (GIS)'),
  'Vacuum circuit breaker': n('вакуумный выключатель', 'm', 'Máy cắt chân không'),
  'Recloser': n('реклоузер', 'm', 'Máy cắt tự đóng lại (recloser)'),
  'Load break switch': n('выключатель нагрузки', 'm', 'Cầu dao phụ tải'),
  'Low-voltage distribution panel': n('низковольтный распределительный щит', 'm', 'Tủ phân phối hạ thế'),
  'XLPE power cable': n('силовой кабель с изоляцией из сшитого полиэтилена', 'm', 'Cáp điện lực cách điện XLPE'),
  'Overhead conductor (ACSR)': n('провод для воздушных линий (ACSR)', 'm', 'Dây dẫn trên không (ACSR)'),
  'Fire-resistant cable': n('огнестойкий кабель', 'm', 'Cáp chống cháy'),
  'Optical ground wire (OPGW)': n('грозотрос со встроенным оптическим кабелем (OPGW)', 'm', 'Dây chống sét cáp quang (OPGW)'),
  'Submarine power cable': n('подводный силовой кабель', 'm', 'Cáp điện ngầm dưới biển'),
  'Smart electricity meter (AMI)': n('интеллектуальный счётчик электроэнергии (AMI)', 'm', 'Công tơ điện thông minh (AMI)'),
  'Digital protection relay': n('цифровое реле защиты', 'n', 'Rơ-le bảo vệ kỹ thuật số'),
  'Power quality analyser': n('анализатор качества электроэнергии', 'm', 'Máy phân tích chất lượng điện năng'),
  'Current transformer': n('трансформатор тока', 'm', 'Máy biến dòng'),
  'Surge arrester': n('ограничитель перенапряжений', 'm', 'Chống sét van'),
  'Monocrystalline PV module': n('монокристаллический солнечный модуль', 'm', 'Tấm pin mặt trời đơn tinh thể'),
  'Grid-tied solar inverter': n('сетевой солнечный инвертор', 'm', 'Biến tần năng lượng mặt trời hòa lưới'),
  'Energy storage system (ESS)': n('система накопления энергии (ESS)', 'f', 'Hệ thống lưu trữ năng lượng (ESS)'),
  'Power conditioning system (PCS)': n('система преобразования энергии (PCS)', 'f', 'Hệ thống chuyển đổi công suất (PCS)'),
  'EV fast charger': n('быстрая зарядная станция для электромобилей', 'f', 'Trạm sạc nhanh xe điện'),
  // Consumer Goods
  'Non-stick frying pan': n('сковорода с антипригарным покрытием', 'f', 'Chảo chống dính'),
  'Airtight food container': n('герметичный контейнер для продуктов', 'm', 'Hộp đựng thực phẩm kín hơi'),
  'Stainless steel pot set': n('набор кастрюль из нержавеющей стали', 'm', 'Bộ nồi inox'),
  'Glass storage jar': n('стеклянная банка для хранения', 'f', 'Hũ thủy tinh đựng thực phẩm'),
  'Kimchi container': n('контейнер для кимчи', 'm', 'Hộp đựng kimchi'),
  'Vacuum tumbler': n('термокружка', 'f', 'Ly giữ nhiệt'),
  'Laundry detergent sheets': n('листы для стирки', 'p', 'Giấy giặt'),
  'Microfibre cleaning cloth': n('салфетка из микрофибры', 'f', 'Khăn lau sợi microfiber'),
  'Compression storage bag': n('вакуумный пакет для хранения', 'm', 'Túi hút chân không đựng đồ'),
  'Bamboo toothbrush': n('бамбуковая зубная щётка', 'f', 'Bàn chải đánh răng tre'),
  'Silicone scrubber': n('силиконовая губка для посуды', 'f', 'Miếng rửa chén silicone'),
  'Shower filter': n('фильтр для душа', 'm', 'Bộ lọc vòi sen'),
  'Baby bottle': n('детская бутылочка', 'f', 'Bình sữa'),
  'Silicone teether': n('силиконовый прорезыватель', 'm', 'Gặm nướu silicone'),
  'Baby diapers': n('детские подгузники', 'p', 'Tã em bé'),
  'Educational block toy': n('развивающий конструктор', 'm', 'Đồ chơi xếp hình giáo dục'),
  'Suction plate': n('тарелка на присоске', 'f', 'Đĩa ăn dặm có đế hút'),
  'Baby carrier': n('эргорюкзак для малышей', 'm', 'Địu em bé'),
  'Gel ink pen': n('гелевая ручка', 'f', 'Bút gel'),
  'Planner notebook': n('ежедневник-планер', 'm', 'Sổ kế hoạch'),
  'Desk organiser': n('настольный органайзер', 'm', 'Khay sắp xếp bàn làm việc'),
  'Sticky notes': n('стикеры для заметок', 'p', 'Giấy ghi chú dán'),
  'Highlighter set': n('набор текстовыделителей', 'm', 'Bộ bút dạ quang'),
  'Freeze-dried pet treats': n('сублимированные лакомства для питомцев', 'p', 'Bánh thưởng sấy thăng hoa cho thú cưng'),
  'Cat scratcher': n('когтеточка для кошек', 'f', 'Bàn cào móng cho mèo'),
  'Dog harness': n('шлейка для собак', 'f', 'Đai yếm cho chó'),
  'Automatic pet feeder': n('автоматическая кормушка для животных', 'f', 'Máy cho thú cưng ăn tự động'),
  'Pet shampoo': n('шампунь для животных', 'm', 'Sữa tắm cho thú cưng'),
  'Electric rice cooker': n('электрическая рисоварка', 'f', 'Nồi cơm điện'),
  'Air purifier': n('очиститель воздуха', 'm', 'Máy lọc không khí'),
  'Cordless handheld vacuum': n('беспроводной ручной пылесос', 'm', 'Máy hút bụi cầm tay không dây'),
  'Food dehydrator': n('сушилка для продуктов', 'f', 'Máy sấy thực phẩm'),
  'Countertop water purifier': n('настольный фильтр для воды', 'm', 'Máy lọc nước để bàn'),
  'Air fryer': n('аэрогриль', 'm', 'Nồi chiên không dầu'),
  // Food & Beverage
  'Instant ramyeon': n('лапша быстрого приготовления (рамён)', 'f', 'Mì ăn liền (ramyeon)'),
  'Cabbage kimchi': n('кимчи из пекинской капусты', 'n', 'Kimchi cải thảo'),
  'Frozen dumplings (mandu)': n('замороженные пельмени (манду)', 'p', 'Bánh xếp đông lạnh (mandu)'),
  'Tteokbokki meal kit': n('набор для приготовления ттокпокки', 'm', 'Bộ nguyên liệu nấu tteokbokki'),
  'Instant cooked rice': n('готовый рис быстрого приготовления', 'm', 'Cơm ăn liền'),
  'Frozen Korean fried chicken': n('замороженная жареная курица по-корейски', 'f', 'Gà rán Hàn Quốc đông lạnh'),
  'Aloe vera drink': n('напиток с алоэ вера', 'm', 'Nước uống nha đam'),
  'Sikhye rice punch': n('рисовый напиток сикхе', 'm', 'Nước gạo sikhye'),
  'Citron tea (yuja-cha)': n('цитрусовый чай юджа-ча', 'm', 'Trà thanh yên (yuja-cha)'),
  'Roasted barley tea': n('ячменный чай', 'm', 'Trà lúa mạch rang'),
  'Soju': n('соджу', 'm', 'Rượu soju'),
  'Makgeolli rice wine': n('рисовое вино макколли', 'n', 'Rượu gạo makgeolli'),
  'Korean red ginseng extract': n('экстракт корейского красного женьшеня', 'm', 'Cao hồng sâm Hàn Quốc'),
  'Red ginseng stick': n('красный женьшень в стиках', 'm', 'Hồng sâm dạng thanh'),
  'Probiotics': n('пробиотики', 'p', 'Men vi sinh'),
  'Collagen jelly stick': n('коллагеновое желе в стиках', 'n', 'Thạch collagen dạng thanh'),
  'Black garlic extract': n('экстракт чёрного чеснока', 'm', 'Chiết xuất tỏi đen'),
  'Roasted seasoned laver': n('обжаренные листы нори с приправой', 'p', 'Rong biển nướng tẩm gia vị'),
  'Dried seaweed (miyeok)': n('сушёная морская капуста (миёк)', 'f', 'Rong biển khô (miyeok)'),
  'Frozen abalone': n('замороженное морское ушко', 'n', 'Bào ngư đông lạnh'),
  'Fish cake (eomuk)': n('рыбные лепёшки (омук)', 'p', 'Chả cá (eomuk)'),
  'Salted pollack roe': n('солёная икра минтая', 'f', 'Trứng cá minh thái muối'),
  'Gochujang': n('перцовая паста кочхуджан', 'f', 'Tương ớt gochujang'),
  'Doenjang soybean paste': n('соевая паста твенджан', 'f', 'Tương đậu doenjang'),
  'Soy sauce': n('соевый соус', 'm', 'Nước tương'),
  'Korean BBQ sauce': n('соус для корейского барбекю', 'm', 'Sốt thịt nướng Hàn Quốc'),
  'Yangnyeom chicken sauce': n('соус для курицы яннём', 'm', 'Sốt gà yangnyeom'),
  'Rice crackers': n('рисовые крекеры', 'p', 'Bánh gạo'),
  'Honey butter almonds': n('миндаль со вкусом мёда и сливочного масла', 'm', 'Hạnh nhân bơ mật ong'),
  'Yakgwa honey cookies': n('медовое печенье якква', 'n', 'Bánh mật ong yakgwa'),
  'Seaweed snack': n('чипсы из морской капусты', 'p', 'Snack rong biển'),
  'Fruit jelly': n('фруктовый мармелад', 'm', 'Thạch trái cây'),
  // Auto Parts
  'Turbocharger': n('турбокомпрессор', 'm', 'Bộ tăng áp turbo'),
  'Timing chain kit': n('комплект цепи ГРМ', 'm', 'Bộ xích cam'),
  'Oil filter': n('масляный фильтр', 'm', 'Lọc dầu'),
  'Spark plug': n('свеча зажигания', 'f', 'Bugi'),
  'Transmission valve body': n('гидроблок коробки передач', 'm', 'Thân van hộp số'),
  'Constant velocity joint': n('шарнир равных угловых скоростей (ШРУС)', 'm', 'Khớp nối đồng tốc (CV)'),
  'Brake pad set': n('комплект тормозных колодок', 'm', 'Bộ má phanh'),
  'Brake disc': n('тормозной диск', 'm', 'Đĩa phanh'),
  'Shock absorber': n('амортизатор', 'm', 'Giảm xóc'),
  'Control arm': n('рычаг подвески', 'm', 'Tay đòn treo'),
  'Wheel hub bearing': n('ступичный подшипник', 'm', 'Bi moay-ơ'),
  'Steering rack': n('рулевая рейка', 'f', 'Thước lái'),
  'On-board charger (OBC)': n('бортовое зарядное устройство (OBC)', 'n', 'Bộ sạc trên xe (OBC)'),
  'Battery management system (BMS)': n('система управления батареей (BMS)', 'f', 'Hệ thống quản lý pin (BMS)'),
  'Traction motor': n('тяговый электродвигатель', 'm', 'Động cơ kéo'),
  'DC-DC converter': n('DC-DC-преобразователь', 'm', 'Bộ chuyển đổi DC-DC'),
  'High-voltage wiring harness': n('высоковольтный жгут проводов', 'm', 'Bó dây điện cao áp'),
  'Battery cooling plate': n('охлаждающая пластина батареи', 'f', 'Tấm làm mát pin'),
  'LED headlamp': n('светодиодная фара', 'f', 'Đèn pha LED'),
  'Side mirror assembly': n('боковое зеркало в сборе', 'n', 'Cụm gương chiếu hậu'),
  'All-weather floor mat': n('всесезонный коврик для салона', 'm', 'Thảm lót sàn mọi thời tiết'),
  'Dashboard camera': n('видеорегистратор', 'm', 'Camera hành trình'),
  'Passenger car tyre': n('шина для легковых автомобилей', 'f', 'Lốp xe du lịch'),
  'Wiper blade': n('щётка стеклоочистителя', 'f', 'Lưỡi gạt mưa'),
  // Machinery & Robotics
  'CNC lathe': n('токарный станок с ЧПУ', 'm', 'Máy tiện CNC'),
  'Vertical machining centre': n('вертикальный обрабатывающий центр', 'm', 'Trung tâm gia công đứng'),
  '5-axis machining centre': n('5-осевой обрабатывающий центр', 'm', 'Trung tâm gia công 5 trục'),
  'CNC press brake': n('листогибочный пресс с ЧПУ', 'm', 'Máy chấn tôn CNC'),
  'Fibre laser cutter': n('оптоволоконный станок лазерной резки', 'm', 'Máy cắt laser fiber'),
  'Collaborative robot': n('коллаборативный робот', 'm', 'Robot cộng tác'),
  '6-axis articulated robot': n('6-осевой шарнирный робот', 'm', 'Robot khớp nối 6 trục'),
  'SCARA robot': n('робот SCARA', 'm', 'Robot SCARA'),
  'Autonomous mobile robot (AMR)': n('автономный мобильный робот (AMR)', 'm', 'Robot di động tự hành (AMR)'),
  'Welding robot system': n('роботизированный сварочный комплекс', 'm', 'Hệ thống robot hàn'),
  'Serving robot': n('робот-официант', 'm', 'Robot phục vụ'),
  'Vertical form-fill-seal machine': n('вертикальная фасовочно-упаковочная машина', 'f', 'Máy đóng gói đứng tự động'),
  'Stick pouch packing machine': n('машина для упаковки в стик-пакеты', 'f', 'Máy đóng gói dạng que'),
  'Liquid filling machine': n('машина для розлива жидкостей', 'f', 'Máy chiết rót chất lỏng'),
  'Carton sealer': n('машина для заклейки коробов', 'f', 'Máy dán thùng carton'),
  'Vacuum packaging machine': n('вакуумная упаковочная машина', 'f', 'Máy đóng gói chân không'),
  'Centrifugal pump': n('центробежный насос', 'm', 'Bơm ly tâm'),
  'Butterfly valve': n('дисковый затвор', 'm', 'Van bướm'),
  'Ball valve': n('шаровой кран', 'm', 'Van bi'),
  'Safety relief valve': n('предохранительный клапан', 'm', 'Van an toàn'),
  'Diaphragm pump': n('мембранный насос', 'm', 'Bơm màng'),
  // ICT & Electronics
  'Power management IC': n('микросхема управления питанием (PMIC)', 'f', 'IC quản lý nguồn (PMIC)'),
  'NAND flash module': n('модуль флеш-памяти NAND', 'm', 'Mô-đun bộ nhớ flash NAND'),
  'High-power LED package': n('мощный светодиод в корпусе', 'm', 'Đèn LED công suất cao đóng gói'),
  'Multilayer ceramic capacitor (MLCC)': n('многослойный керамический конденсатор (MLCC)', 'm', 'Tụ gốm nhiều lớp (MLCC)'),
  'Flexible printed circuit board': n('гибкая печатная плата', 'f', 'Bảng mạch in dẻo (FPCB)'),
  'Image sensor module': n('модуль датчика изображения', 'm', 'Mô-đun cảm biến hình ảnh'),
  'Digital signage display': n('дисплей для цифровых вывесок', 'm', 'Màn hình quảng cáo kỹ thuật số'),
  'Interactive whiteboard': n('интерактивная доска', 'f', 'Bảng tương tác thông minh'),
  'Industrial touch panel PC': n('промышленный панельный компьютер с сенсорным экраном', 'm', 'Máy tính công nghiệp màn hình cảm ứng'),
  'Transparent OLED display': n('прозрачный OLED-дисплей', 'm', 'Màn hình OLED trong suốt'),
  'LED display module': n('светодиодный модуль для экранов', 'm', 'Mô-đun màn hình LED'),
  'Smart door lock': n('умный дверной замок', 'm', 'Khóa cửa thông minh'),
  'Environmental sensor': n('датчик параметров среды', 'm', 'Cảm biến môi trường'),
  'Smart plug': n('умная розетка', 'f', 'Ổ cắm thông minh'),
  'GPS tracker': n('GPS-трекер', 'm', 'Thiết bị định vị GPS'),
  'Smart home hub': n('хаб для умного дома', 'm', 'Bộ điều khiển trung tâm nhà thông minh'),
  'IP dome camera': n('купольная IP-камера', 'f', 'Camera IP dạng dome'),
  'PTZ camera': n('PTZ-камера', 'f', 'Camera PTZ'),
  'Network video recorder (NVR)': n('сетевой видеорегистратор (NVR)', 'm', 'Đầu ghi hình mạng (NVR)'),
  'Face recognition terminal': n('терминал распознавания лиц', 'm', 'Thiết bị nhận diện khuôn mặt'),
  'Bullet camera': n('цилиндрическая камера видеонаблюдения', 'f', 'Camera thân trụ'),
  'Portable SSD': n('портативный SSD-накопитель', 'm', 'Ổ cứng SSD di động'),
  'Mechanical keyboard': n('механическая клавиатура', 'f', 'Bàn phím cơ'),
  'Wireless mouse': n('беспроводная мышь', 'f', 'Chuột không dây'),
  'USB-C docking station': n('док-станция USB-C', 'f', 'Trạm kết nối USB-C'),
  '4K webcam': n('веб-камера 4K', 'f', 'Webcam 4K'),
  // Textiles & Fashion
  'Moisture-wicking fabric': n('влагоотводящая ткань', 'f', 'Vải thấm hút mồ hôi nhanh khô'),
  'Waterproof breathable fabric': n('водонепроницаемая дышащая ткань', 'f', 'Vải chống thấm thoáng khí'),
  'Recycled PET fabric': n('ткань из переработанного ПЭТ', 'f', 'Vải PET tái chế'),
  'Cooling fabric': n('охлаждающая ткань', 'f', 'Vải làm mát'),
  'Flame-retardant fabric': n('огнезащитная ткань', 'f', 'Vải chống cháy'),
  'Four-way stretch fabric': n('ткань с четырёхсторонней растяжимостью', 'f', 'Vải co giãn 4 chiều'),
  'Cotton T-shirt': n('хлопковая футболка', 'f', 'Áo thun cotton'),
  'Down jacket': n('пуховик', 'm', 'Áo khoác lông vũ'),
  'Yoga leggings': n('леггинсы для йоги', 'p', 'Quần legging tập yoga'),
  'Hanbok-inspired dress': n('платье в стиле ханбок', 'n', 'Váy cách tân hanbok'),
  'Knit cardigan': n('вязаный кардиган', 'm', 'Áo cardigan len'),
  'Thermal innerwear': n('термобельё', 'n', 'Đồ lót giữ nhiệt'),
  'Laptop backpack': n('рюкзак для ноутбука', 'm', 'Ba lô laptop'),
  'Leather tote bag': n('кожаная сумка-тоут', 'f', 'Túi tote da'),
  'Bucket hat': n('панама', 'f', 'Mũ bucket'),
  'Silk scarf': n('шёлковый платок', 'm', 'Khăn lụa'),
  'Card wallet': n('картхолдер', 'm', 'Ví đựng thẻ'),
  'Running shoes': n('беговые кроссовки', 'p', 'Giày chạy bộ'),
  'Functional insoles': n('функциональные стельки', 'p', 'Lót giày chức năng'),
  'Slip-on sneakers': n('кеды-слипоны', 'p', 'Giày slip-on'),
  'Hiking boots': n('трекинговые ботинки', 'p', 'Giày leo núi'),
  'Slides': n('шлёпанцы', 'p', 'Dép quai ngang'),
  // Chemicals & Materials
  'High-density polyethylene (HDPE)': n('полиэтилен высокой плотности (HDPE)', 'm', 'Nhựa polyetylen mật độ cao (HDPE)'),
  'Polypropylene (PP) resin': n('полипропилен (PP)', 'm', 'Hạt nhựa polypropylen (PP)'),
  'ABS resin': n('АБС-пластик', 'm', 'Nhựa ABS'),
  'PET chips': n('ПЭТ-гранулят', 'm', 'Hạt nhựa PET'),
  'Biodegradable PLA compound': n('биоразлагаемый компаунд PLA', 'm', 'Hợp chất PLA phân hủy sinh học'),
  'Epoxy floor coating': n('эпоксидное покрытие для пола', 'n', 'Sơn epoxy sàn'),
  'Marine anti-fouling paint': n('необрастающая краска для судов', 'f', 'Sơn chống hà cho tàu biển'),
  'Structural adhesive': n('конструкционный клей', 'm', 'Keo kết cấu'),
  'Waterproofing coating': n('гидроизоляционное покрытие', 'n', 'Lớp phủ chống thấm'),
  'Hot-melt adhesive': n('термоклей', 'm', 'Keo nóng chảy'),
  'Semiconductor-grade etchant': n('травитель для полупроводникового производства', 'm', 'Dung dịch khắc cấp bán dẫn'),
  'Surfactant': n('поверхностно-активное вещество', 'n', 'Chất hoạt động bề mặt'),
  'Catalyst': n('катализатор', 'm', 'Chất xúc tác'),
  'Water treatment chemical': n('реагент для водоподготовки', 'm', 'Hóa chất xử lý nước'),
  'Cosmetic raw material': n('косметическое сырьё', 'n', 'Nguyên liệu mỹ phẩm'),
  'NCM cathode material': n('катодный материал NCM', 'm', 'Vật liệu cực dương NCM'),
  'Carbon fibre prepreg': n('препрег из углеродного волокна', 'm', 'Prepreg sợi carbon'),
  'Battery copper foil': n('медная фольга для аккумуляторов', 'f', 'Lá đồng cho pin'),
  'Graphene powder': n('графеновый порошок', 'm', 'Bột graphene'),
  'Silicon anode material': n('кремниевый анодный материал', 'm', 'Vật liệu cực âm silicon'),
  'Battery separator film': n('сепараторная плёнка для аккумуляторов', 'f', 'Màng phân tách pin'),
  // Smart Farming
  'Greenhouse climate controller': n('контроллер микроклимата теплицы', 'm', 'Bộ điều khiển vi khí hậu nhà kính'),
  'Nutrient dosing system': n('система дозирования питательного раствора', 'f', 'Hệ thống châm phân dinh dưỡng'),
  'Drip irrigation kit': n('комплект капельного полива', 'm', 'Bộ tưới nhỏ giọt'),
  'Greenhouse shading screen': n('затеняющий экран для теплиц', 'm', 'Lưới cắt nắng nhà kính'),
  'Multi-span greenhouse': n('многопролётная теплица', 'f', 'Nhà kính liên hoàn'),
  'Container farm': n('контейнерная ферма', 'f', 'Trang trại container'),
  'LED grow light': n('светодиодный фитосветильник', 'm', 'Đèn LED trồng cây'),
  'Hydroponic growing rack': n('стеллаж для гидропоники', 'm', 'Kệ trồng cây thủy canh'),
  'Indoor farm cabinet': n('домашний гроубокс', 'm', 'Tủ trồng rau trong nhà'),
  'Compact tractor': n('малогабаритный трактор', 'm', 'Máy kéo cỡ nhỏ'),
  'Rice transplanter': n('рисопосадочная машина', 'f', 'Máy cấy lúa'),
  'Combine harvester': n('зерноуборочный комбайн', 'm', 'Máy gặt đập liên hợp'),
  'Agricultural spraying drone': n('сельскохозяйственный дрон-опрыскиватель', 'm', 'Drone phun thuốc nông nghiệp'),
  'Power tiller': n('мотоблок', 'm', 'Máy xới đất'),
  'Chilli pepper seeds': n('семена острого перца', 'p', 'Hạt giống ớt'),
  'Napa cabbage seeds': n('семена пекинской капусты', 'p', 'Hạt giống cải thảo'),
  'Organic fertiliser': n('органическое удобрение', 'n', 'Phân bón hữu cơ'),
  'Biochar soil conditioner': n('почвоулучшитель на основе биоугля', 'm', 'Chất cải tạo đất than sinh học'),
  'Microbial biostimulant': n('микробный биостимулятор', 'm', 'Chế phẩm vi sinh kích thích sinh trưởng'),
  // Start-ups
  'Smart ring': n('умное кольцо', 'n', 'Nhẫn thông minh'),
  'Posture-correcting wearable': n('носимый корректор осанки', 'm', 'Thiết bị đeo chỉnh tư thế'),
  'Translation earbuds': n('наушники-переводчики', 'p', 'Tai nghe phiên dịch'),
  'Smart insole': n('умная стелька', 'f', 'Lót giày thông minh'),
  'Baby sleep monitor': n('монитор сна для малышей', 'm', 'Thiết bị theo dõi giấc ngủ của bé'),
  'Compostable food container': n('компостируемый пищевой контейнер', 'm', 'Hộp đựng thực phẩm phân hủy được'),
  'Seaweed-based packaging film': n('упаковочная плёнка из водорослей', 'f', 'Màng bao bì từ rong biển'),
  'Upcycled tote bag': n('сумка-тоут из вторсырья', 'f', 'Túi tote tái chế'),
  'Paper straw': n('бумажная трубочка', 'f', 'Ống hút giấy'),
  'Solid shampoo bar': n('твёрдый шампунь', 'm', 'Dầu gội dạng bánh'),
  'AI vision inspection software': n('ПО для визуального контроля качества на базе ИИ', 'n', 'Phần mềm kiểm tra bằng thị giác AI'),
  'Chatbot platform': n('платформа для чат-ботов', 'f', 'Nền tảng chatbot'),
  'Smart factory MES': n('MES-система для умного производства', 'f', 'Hệ thống MES cho nhà máy thông minh'),
  'Speech recognition engine': n('движок распознавания речи', 'm', 'Công cụ nhận dạng giọng nói'),
  'Digital twin platform': n('платформа цифровых двойников', 'f', 'Nền tảng bản sao số (digital twin)'),
  'Wearable ECG patch': n('носимый ЭКГ-пластырь', 'm', 'Miếng dán điện tâm đồ đeo trên người'),
  'Smart pill dispenser': n('умный дозатор таблеток', 'm', 'Hộp chia thuốc thông minh'),
  'Remote rehabilitation device': n('устройство для дистанционной реабилитации', 'n', 'Thiết bị phục hồi chức năng từ xa'),
  'AI skin analyser': n('ИИ-анализатор кожи', 'm', 'Máy phân tích da AI'),
  // Maritime & Shipbuilding
  'Mooring winch': n('швартовная лебёдка', 'f', 'Tời neo buộc tàu'),
  'Ship propeller': n('судовой гребной винт', 'm', 'Chân vịt tàu thủy'),
  'Marine auxiliary engine': n('судовой вспомогательный двигатель', 'm', 'Động cơ phụ tàu thủy'),
  'Ballast water treatment system': n('система очистки балластных вод', 'f', 'Hệ thống xử lý nước dằn tàu'),
  'Marine boiler': n('судовой котёл', 'm', 'Nồi hơi tàu thủy'),
  'Steering gear': n('рулевая машина', 'f', 'Máy lái tàu'),
  'Marine radar': n('судовой радар', 'm', 'Radar hàng hải'),
  'ECDIS electronic chart system': n('электронная картографическая система ECDIS', 'f', 'Hệ thống hải đồ điện tử ECDIS'),
  'AIS transponder': n('транспондер АИС', 'm', 'Bộ phát đáp AIS'),
  'Integrated bridge system': n('интегрированная мостиковая система', 'f', 'Hệ thống buồng lái tích hợp'),
  'Satellite compass': n('спутниковый компас', 'm', 'La bàn vệ tinh'),
  'Inflatable life raft': n('надувной спасательный плот', 'm', 'Bè cứu sinh tự thổi'),
  'Marine lifejacket': n('морской спасательный жилет', 'm', 'Áo phao hàng hải'),
  'Subsea valve': n('подводная запорная арматура', 'f', 'Van dưới biển'),
  'Offshore crane': n('морской кран', 'm', 'Cần cẩu ngoài khơi'),
  'Fixed fire-fighting system': n('стационарная система пожаротушения', 'f', 'Hệ thống chữa cháy cố định'),
};

const m = (ru: string, vi: string): RuVi => ({ ru, vi });

/** Modifiers by their English text: a Russian adjective (declined to the noun) or "+phrase" after it. */
export const MODIFIERS_RU_VI: Readonly<Record<string, RuVi>> = {
  'Premium': m('премиальный', 'cao cấp'),
  'Hydrating': m('увлажняющий', 'dưỡng ẩm'),
  'Brightening': m('осветляющий', 'làm sáng da'),
  'Hypoallergenic': m('гипоаллергенный', 'không gây dị ứng'),
  'Vegan': m('веганский', 'thuần chay'),
  'Long-lasting': m('стойкий', 'lâu trôi'),
  'Natural': m('натуральный', 'tự nhiên'),
  'Soothing': m('успокаивающий', 'làm dịu da'),
  'Portable': m('портативный', 'cầm tay'),
  'Home-use': m('+для домашнего использования', 'dùng tại nhà'),
  'Professional-use': m('+для профессионального использования', 'dành cho chuyên gia'),
  'High-sensitivity': m('высокочувствительный', 'độ nhạy cao'),
  'Hospital-grade': m('+больничного класса', 'chuẩn bệnh viện'),
  'Compact': m('компактный', 'nhỏ gọn'),
  'Next-generation': m('+нового поколения', 'thế hệ mới'),
  'Professional': m('профессиональный', 'chuyên nghiệp'),
  'Breathable': m('дышащий', 'thoáng khí'),
  'Individually wrapped': m('+в индивидуальной упаковке', 'đóng gói riêng từng chiếc'),
  'Fast-acting': m('быстродействующий', 'tác dụng nhanh'),
  'Large-capacity': m('+в большой упаковке', 'dung tích lớn'),
  'Non-irritating': m('+без раздражающих компонентов', 'không gây kích ứng'),
  'Disposable': m('одноразовый', 'dùng một lần'),
  'Waterproof': m('водонепроницаемый', 'chống thấm nước'),
  'AI-based': m('+с искусственным интеллектом', 'tích hợp AI'),
  'Fast-reading': m('+с быстрым измерением', 'cho kết quả nhanh'),
  'Fragrance-free': m('+без отдушки', 'không mùi'),
  'Eco-friendly': m('экологичный', 'thân thiện với môi trường'),
  'High-efficiency': m('высокоэффективный', 'hiệu suất cao'),
  'Low-noise': m('малошумный', 'độ ồn thấp'),
  'Smart': m('умный', 'thông minh'),
  'Outdoor': m('+наружной установки', 'ngoài trời'),
  'Low-smoke': m('малодымный', 'ít khói'),
  'High-voltage': m('высоковольтный', 'cao thế'),
  'Halogen-free': m('безгалогенный', 'không halogen'),
  'High-precision': m('высокоточный', 'độ chính xác cao'),
  'Three-phase': m('трёхфазный', 'ba pha'),
  'Utility-scale': m('+промышленного масштаба', 'quy mô lưới điện'),
  'Durable': m('прочный', 'bền bỉ'),
  'Reusable': m('многоразовый', 'tái sử dụng được'),
  'Antibacterial': m('антибактериальный', 'kháng khuẩn'),
  'Minimalist': m('минималистичный', 'tối giản'),
  'Energy-saving': m('энергосберегающий', 'tiết kiệm điện'),
  'Spicy': m('острый', 'cay'),
  'Halal-certified': m('+с сертификатом халяль', 'đạt chứng nhận Halal'),
  'Sugar-free': m('+без сахара', 'không đường'),
  'Traditional': m('традиционный', 'truyền thống'),
  'Organic': m('органический', 'hữu cơ'),
  'Low-sodium': m('+с пониженным содержанием соли', 'ít muối'),
  'Gluten-free': m('+без глютена', 'không chứa gluten'),
  'Low-sugar': m('+с пониженным содержанием сахара', 'ít đường'),
  'OE-quality': m('+качества OE', 'chất lượng OE'),
  'High-performance': m('высокопроизводительный', 'hiệu năng cao'),
  'Heavy-duty': m('усиленный', 'chịu tải nặng'),
  'Lightweight': m('облегчённый', 'trọng lượng nhẹ'),
  'Universal-fit': m('универсальный', 'lắp vừa nhiều dòng xe'),
  'High-speed': m('высокоскоростной', 'tốc độ cao'),
  'Fully automatic': m('полностью автоматический', 'hoàn toàn tự động'),
  'Industrial': m('промышленный', 'công nghiệp'),
  'Corrosion-resistant': m('коррозионностойкий', 'chống ăn mòn'),
  'High-pressure': m('+высокого давления', 'áp suất cao'),
  'Automotive-grade': m('+автомобильного класса', 'chuẩn ô tô'),
  'High-reliability': m('+повышенной надёжности', 'độ tin cậy cao'),
  'Low-power': m('+с низким энергопотреблением', 'tiêu thụ điện thấp'),
  'High-brightness': m('+повышенной яркости', 'độ sáng cao'),
  'Slim': m('тонкий', 'siêu mỏng'),
  'Wireless': m('беспроводной', 'không dây'),
  'Low-light': m('+для съёмки при слабом освещении', 'chụp ánh sáng yếu'),
  'Ergonomic': m('эргономичный', 'công thái học'),
  'Unisex': m('+унисекс', 'unisex'),
  'Handmade': m('+ручной работы', 'thủ công'),
  'Comfort-fit': m('+свободного кроя', 'dáng rộng thoải mái'),
  'Recycled': m('+из переработанного сырья', 'tái chế'),
  'High-impact': m('ударопрочный', 'chịu va đập'),
  'Food-grade': m('+пищевого класса', 'cấp thực phẩm'),
  'Low-VOC': m('+с низким содержанием ЛОС', 'ít VOC'),
  'Fast-curing': m('быстроотверждаемый', 'đóng rắn nhanh'),
  'Heat-resistant': m('термостойкий', 'chịu nhiệt'),
  'High-purity': m('+высокой чистоты', 'độ tinh khiết cao'),
  'IoT-enabled': m('+с поддержкой IoT', 'kết nối IoT'),
  'Automatic': m('автоматический', 'tự động'),
  'Solar-powered': m('+на солнечной энергии', 'chạy năng lượng mặt trời'),
  'Autonomous': m('автономный', 'tự hành'),
  'Fuel-efficient': m('экономичный', 'tiết kiệm nhiên liệu'),
  'High-yield': m('высокоурожайный', 'năng suất cao'),
  'Disease-resistant': m('болезнеустойчивый', 'kháng bệnh'),
  'Zero-waste': m('безотходный', 'không rác thải'),
  'Cloud-based': m('облачный', 'trên nền tảng đám mây'),
  'Enterprise': m('+корпоративного уровня', 'dành cho doanh nghiệp'),
  'Multilingual': m('многоязычный', 'đa ngôn ngữ'),
  'Type-approved': m('+с одобрением типа', 'đã được phê duyệt kiểu'),
  'SOLAS-approved': m('+с одобрением по SOLAS', 'đạt chuẩn SOLAS'),
};

/** The catalogue's units: Russian one/few/many forms and the accusative singular ("за штуку"), Vietnamese classifier. */
export const UNITS_RU_VI: Readonly<Record<string, { ru: readonly [string, string, string, string]; vi: string }>> = {
  piece: { ru: ['штука', 'штуки', 'штук', 'штуку'], vi: 'chiếc' },
  box: { ru: ['коробка', 'коробки', 'коробок', 'коробку'], vi: 'hộp' },
  unit: { ru: ['единица', 'единицы', 'единиц', 'единицу'], vi: 'chiếc' },
  test: { ru: ['тест', 'теста', 'тестов', 'тест'], vi: 'test' },
  bottle: { ru: ['бутылка', 'бутылки', 'бутылок', 'бутылку'], vi: 'chai' },
  carton: { ru: ['короб', 'короба', 'коробов', 'короб'], vi: 'thùng' },
  metre: { ru: ['метр', 'метра', 'метров', 'метр'], vi: 'mét' },
  set: { ru: ['комплект', 'комплекта', 'комплектов', 'комплект'], vi: 'bộ' },
  kg: { ru: ['кг', 'кг', 'кг', 'кг'], vi: 'kg' },
  tonne: { ru: ['тонна', 'тонны', 'тонн', 'тонну'], vi: 'tấn' },
  pair: { ru: ['пара', 'пары', 'пар', 'пару'], vi: 'đôi' },
  licence: { ru: ['лицензия', 'лицензии', 'лицензий', 'лицензию'], vi: 'giấy phép' },
};

export const REGIONS_RU_VI: Readonly<Record<RegionCode, RuVi>> = {
  seoul: m('Сеул', 'Seoul'),
  gyeonggi: m('провинция Кёнгидо', 'tỉnh Gyeonggi'),
  incheon: m('Инчхон', 'Incheon'),
  busan: m('Пусан', 'Busan'),
  daegu: m('Тэгу', 'Daegu'),
  daejeon: m('Тэджон', 'Daejeon'),
  gwangju: m('Кванджу', 'Gwangju'),
  ulsan: m('Ульсан', 'Ulsan'),
  gangwon: m('провинция Канвондо', 'tỉnh Gangwon'),
  chungbuk: m('провинция Чхунчхон-Пукто', 'tỉnh Chungcheong Bắc'),
  chungnam: m('провинция Чхунчхон-Намдо', 'tỉnh Chungcheong Nam'),
  jeonbuk: m('провинция Чолла-Пукто', 'tỉnh Jeolla Bắc'),
  jeonnam: m('провинция Чолла-Намдо', 'tỉnh Jeolla Nam'),
  gyeongbuk: m('провинция Кёнсан-Пукто', 'tỉnh Gyeongsang Bắc'),
  gyeongnam: m('провинция Кёнсан-Намдо', 'tỉnh Gyeongsang Nam'),
  jeju: m('остров Чеджу', 'đảo Jeju'),
};

/** Export markets by ISO code. */
export const MARKETS_RU_VI: Readonly<Record<string, RuVi>> = {
  US: m('США', 'Hoa Kỳ'), CN: m('Китай', 'Trung Quốc'), JP: m('Япония', 'Nhật Bản'), VN: m('Вьетнам', 'Việt Nam'),
  RU: m('Россия', 'Nga'), DE: m('Германия', 'Đức'), AE: m('ОАЭ', 'UAE'), SA: m('Саудовская Аравия', 'Ả Rập Xê Út'),
  ID: m('Индонезия', 'Indonesia'), TH: m('Таиланд', 'Thái Lan'), MY: m('Малайзия', 'Malaysia'), PH: m('Филиппины', 'Philippines'),
  IN: m('Индия', 'Ấn Độ'), SG: m('Сингапур', 'Singapore'), TW: m('Тайвань', 'Đài Loan'), HK: m('Гонконг', 'Hồng Kông'),
  AU: m('Австралия', 'Úc'), CA: m('Канада', 'Canada'), MX: m('Мексика', 'Mexico'), BR: m('Бразилия', 'Brazil'),
  GB: m('Великобритания', 'Anh'), FR: m('Франция', 'Pháp'), IT: m('Италия', 'Ý'), ES: m('Испания', 'Tây Ban Nha'),
  NL: m('Нидерланды', 'Hà Lan'), PL: m('Польша', 'Ba Lan'), CZ: m('Чехия', 'Séc'), SK: m('Словакия', 'Slovakia'),
  TR: m('Турция', 'Thổ Nhĩ Kỳ'), KZ: m('Казахстан', 'Kazakhstan'), UZ: m('Узбекистан', 'Uzbekistan'), MN: m('Монголия', 'Mông Cổ'),
  EG: m('Египет', 'Ai Cập'), IQ: m('Ирак', 'Iraq'), QA: m('Катар', 'Qatar'), BD: m('Бангладеш', 'Bangladesh'),
  GR: m('Греция', 'Hy Lạp'), NO: m('Норвегия', 'Na Uy'), CL: m('Чили', 'Chile'),
};

/** PRODUCT_CLOSINGS by their English text. */
export const PRODUCT_CLOSINGS_RU_VI: Readonly<Record<string, RuVi>> = {
  'OEM and ODM orders are welcome.': m('Принимаем заказы OEM и ODM.', 'Nhận đơn hàng OEM và ODM.'),
  'Samples are available on request.': m('Образцы предоставляются по запросу.', 'Có thể cung cấp mẫu theo yêu cầu.'),
  'Private-label packaging is available.': m('Возможна упаковка под торговой маркой заказчика.', 'Có thể đóng gói theo nhãn hiệu riêng của khách hàng.'),
  'Request a video consultation to discuss volumes and pricing.': m(
    'Запишитесь на видеоконсультацию, чтобы обсудить объёмы и цены.',
    'Hãy đặt lịch tư vấn qua video để trao đổi về số lượng và giá cả.',
  ),
};

export type JaZh = { ja: string; zh: string };
const j = (ja: string, zh: string): JaZh => ({ ja, zh });

/** Pavilion industries ("a cosmetics manufacturer") by pavilion slug, for company profiles. */
export const INDUSTRIES_JA_ZH: Readonly<Record<string, JaZh>> = {
  'beauty-cosmetics': j('化粧品', '化妆品'),
  'medical-bio': j('医療・バイオ製品', '医疗及生物制品'),
  'quarantine-hygiene': j('衛生・防護用品', '卫生防护用品'),
  'power-equipment': j('電力機器', '电力设备'),
  'consumer-goods': j('生活用品', '日用消费品'),
  'food-beverage': j('食品', '食品'),
  'auto-parts': j('自動車部品', '汽车零部件'),
  'machinery-robotics': j('機械', '机械'),
  'ict-electronics': j('電子機器', '电子产品'),
  'textiles-fashion': j('繊維・ファッション', '纺织服装'),
  'chemicals-materials': j('化学・素材', '化工材料'),
  'smart-farming': j('農業技術', '农业科技'),
  'startups': j('テクノロジー', '科技'),
  'maritime-shipbuilding': j('船舶機器', '船舶配套设备'),
};

/** COMPANY_CLOSINGS by their English text. */
export const COMPANY_CLOSINGS_JA_ZH: Readonly<Record<string, JaZh>> = {
  'We welcome OEM and ODM enquiries.': j('OEM・ODMのご相談を歓迎します。', '欢迎洽谈OEM/ODM合作。'),
  'Samples can be shipped within a week.': j('サンプルは1週間以内に発送できます。', '样品可在一周内寄出。'),
  'Our export team replies within one business day.': j('輸出担当者が1営業日以内にご返信します。', '我们的出口团队将在一个工作日内回复。'),
  'We are looking for distributors in new markets.': j('新規市場の販売代理店を募集しています。', '我们正在寻找新市场的经销商。'),
  'Video consultations are available in Korean and English.': j('ビデオ商談は韓国語と英語で対応いたします。', '可使用韩语和英语进行视频洽谈。'),
};

// ---- Russian grammar ------------------------------------------------------------------

/** CLDR plural category of a whole number in Russian. */
export function russianPlural(count: number): 'one' | 'few' | 'many' {
  const n = Math.abs(Math.trunc(count));
  if (n % 10 === 1 && n % 100 !== 11) return 'one';
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return 'few';
  return 'many';
}

/** "2 штуки", "5 штук": the form of a unit after a number. */
export function russianCount(count: number, forms: readonly [string, string, string, ...string[]]): string {
  return forms[{ one: 0, few: 1, many: 2 }[russianPlural(count)]]!;
}

const VELAR = /[гкх]$/;
const HUSHING = /[жшчщ]$/;

/** One adjective (masculine nominative singular) in the gender of its noun. */
function declineWord(word: string, gender: Gender): string {
  const ending = word.slice(-2);
  if (gender === 'm' || !['ый', 'ий', 'ой'].includes(ending)) return word;
  const stem = word.slice(0, -2);
  const velarOrHushing = VELAR.test(stem) || HUSHING.test(stem);
  if (ending === 'ий' && !velarOrHushing) return stem + { f: 'яя', n: 'ее', p: 'ие' }[gender]; // soft stem: синий
  const neuter = ending === 'ий' && HUSHING.test(stem) ? 'ее' : 'ое'; // горячее, but высокое, большое
  return stem + { f: 'ая', n: neuter, p: velarOrHushing ? 'ие' : 'ые' }[gender];
}

/** An adjective phrase agreeing with a noun: every word that is an adjective is declined. */
export function declineAdjective(phrase: string, gender: Gender): string {
  return phrase.split(' ').map((w) => declineWord(w, gender)).join(' ');
}

/** The Russian noun phrase with a modifier placed and agreed: "премиальная сыворотка", "соус без сахара". */
export function russianPhrase(noun: RuViNoun, modifier: RuVi | null): string {
  if (!modifier) return noun.ru;
  if (modifier.ru.startsWith('+')) return `${noun.ru} ${modifier.ru.slice(1)}`;
  return `${declineAdjective(modifier.ru, noun.gender)} ${noun.ru}`;
}

/** Vietnamese puts the modifier after the noun: "Serum vitamin C cao cấp". */
export function vietnamesePhrase(noun: RuViNoun, modifier: RuVi | null): string {
  return modifier ? `${noun.vi} ${modifier.vi}` : noun.vi;
}

/** Upper-cases the first letter of a phrase (acronyms and digits stay as they are). */
export function capitaliseFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase('ru') + text.slice(1);
}

/** Grouped digits the locale's way: 1 000 (Russian, no-break space), 1.000 (Vietnamese). */
export function groupDigits(n: number, separator: string): string {
  const digits = String(Math.round(Math.abs(n)));
  return `${n < 0 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator)}`;
}

/** Prices with a decimal comma (both languages); cents below 100 like formatPrice in text.ts. */
export function priceWithComma(n: number, separator: string, like: number = n): string {
  if (like >= 100) return groupDigits(n, separator);
  const [whole, fraction] = n.toFixed(2).split('.');
  return `${groupDigits(Number(whole), separator)},${fraction}`;
}
