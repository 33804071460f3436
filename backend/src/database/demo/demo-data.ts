import type { Role } from '../../common/actor';

/**
 * The demo: Khối thi đua số 4 of Hà Nội from the seed article (its five real member units) and three
 * more plausible blocks. Every person is fictional.
 */
export const DEMO_PASSWORD = 'ThiDua@2024';

export interface DemoUnit { key: string; name: string; shortName: string; parentAgency: string; address: string; phone: string; email: string }
export interface DemoBlock { code: string; name: string; kind: 'khoi' | 'cum'; description: string; units: string[]; years: { year: number; leader: string; deputy: string; inProgress?: boolean }[] }
export interface DemoAccount { email: string; fullName: string; role: Role; unit?: string; title: string; highlight?: string }

const u = (key: string, name: string, shortName: string, parentAgency: string, address: string, phone = '', email = ''): DemoUnit =>
  ({ key, name, shortName, parentAgency, address, phone, email });

export const DEMO_UNITS: DemoUnit[] = [
  // Khối thi đua số 4 (seed article, 26/04/2024)
  u('hiza', 'Ban quản lý các khu công nghiệp và chế xuất Hà Nội', 'Ban QL các KCN&CX', 'UBND thành phố Hà Nội', 'Số 2 Phùng Chí Kiên, Nghĩa Đô, Cầu Giấy, Hà Nội', '024 3791 0001'),
  u('dukcq', 'Đảng ủy Khối các cơ quan Thành phố Hà Nội', 'ĐUK các cơ quan TP', 'Thành ủy Hà Nội', '4 Lê Lai, Hoàn Kiếm, Hà Nội', '024 3825 0002'),
  u('lhp', 'Trường Đào tạo cán bộ Lê Hồng Phong', 'Trường ĐTCB Lê Hồng Phong', 'Thành ủy Hà Nội', 'Số 2 Lê Hồng Phong, Ba Đình, Hà Nội', '024 3823 0003'),
  u('dukdn', 'Đảng ủy Khối Doanh nghiệp Hà Nội', 'ĐUK Doanh nghiệp', 'Thành ủy Hà Nội', '15 Lê Thánh Tông, Hoàn Kiếm, Hà Nội', '024 3826 0004'),
  u('dukdh', 'Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội', 'ĐUK các trường ĐH, CĐ', 'Thành ủy Hà Nội', '1 Tôn Thất Tùng, Đống Đa, Hà Nội', '024 3852 0005'),
  // Khối thi đua số 1 (tổng hợp)
  u('snv', 'Sở Nội vụ Hà Nội', 'Sở Nội vụ', 'UBND thành phố Hà Nội', '18B Lê Thánh Tông, Hoàn Kiếm, Hà Nội'),
  u('stc', 'Sở Tài chính Hà Nội', 'Sở Tài chính', 'UBND thành phố Hà Nội', '38B Hàm Long, Hoàn Kiếm, Hà Nội'),
  u('stp', 'Sở Tư pháp Hà Nội', 'Sở Tư pháp', 'UBND thành phố Hà Nội', '221 Trần Phú, Hà Đông, Hà Nội'),
  u('ttra', 'Thanh tra Thành phố Hà Nội', 'Thanh tra TP', 'UBND thành phố Hà Nội', '5 Ngô Thì Nhậm, Hà Đông, Hà Nội'),
  u('vpub', 'Văn phòng UBND Thành phố Hà Nội', 'VP UBND TP', 'UBND thành phố Hà Nội', '12 Lê Lai, Hoàn Kiếm, Hà Nội'),
  u('sqhkt', 'Sở Quy hoạch - Kiến trúc Hà Nội', 'Sở QH-KT', 'UBND thành phố Hà Nội', '31B Tràng Thi, Hoàn Kiếm, Hà Nội'),
  // Khối thi đua số 2 (kinh tế - hạ tầng)
  u('sxd', 'Sở Xây dựng Hà Nội', 'Sở Xây dựng', 'UBND thành phố Hà Nội', '52 Lê Đại Hành, Hai Bà Trưng, Hà Nội'),
  u('sct', 'Sở Công Thương Hà Nội', 'Sở Công Thương', 'UBND thành phố Hà Nội', '331 Cầu Giấy, Cầu Giấy, Hà Nội'),
  u('snn', 'Sở Nông nghiệp và Môi trường Hà Nội', 'Sở NN&MT', 'UBND thành phố Hà Nội', '38 Tô Hiệu, Hà Đông, Hà Nội'),
  u('skhcn', 'Sở Khoa học và Công nghệ Hà Nội', 'Sở KH&CN', 'UBND thành phố Hà Nội', '5 Nguyễn Trãi, Thanh Xuân, Hà Nội'),
  u('sdl', 'Sở Du lịch Hà Nội', 'Sở Du lịch', 'UBND thành phố Hà Nội', '3 Lê Lai, Hoàn Kiếm, Hà Nội'),
  u('sgtvt', 'Sở Giao thông vận tải Hà Nội', 'Sở GTVT', 'UBND thành phố Hà Nội', '2 Phùng Hưng, Hà Đông, Hà Nội'),
  u('syt', 'Sở Y tế Hà Nội', 'Sở Y tế', 'UBND thành phố Hà Nội', '4 Sơn Tây, Ba Đình, Hà Nội'),
  // Cụm thi đua số 1 (các quận nội thành)
  u('bdinh', 'UBND quận Ba Đình', 'Quận Ba Đình', 'UBND thành phố Hà Nội', '25 Liễu Giai, Ba Đình, Hà Nội'),
  u('hkiem', 'UBND quận Hoàn Kiếm', 'Quận Hoàn Kiếm', 'UBND thành phố Hà Nội', '126 Hàng Trống, Hoàn Kiếm, Hà Nội'),
  u('tho', 'UBND quận Tây Hồ', 'Quận Tây Hồ', 'UBND thành phố Hà Nội', '657 Lạc Long Quân, Tây Hồ, Hà Nội'),
  u('ddda', 'UBND quận Đống Đa', 'Quận Đống Đa', 'UBND thành phố Hà Nội', '6 Tôn Thất Tùng, Đống Đa, Hà Nội'),
  u('hbt', 'UBND quận Hai Bà Trưng', 'Quận Hai Bà Trưng', 'UBND thành phố Hà Nội', '30 Lê Đại Hành, Hai Bà Trưng, Hà Nội'),
  u('cgiay', 'UBND quận Cầu Giấy', 'Quận Cầu Giấy', 'UBND thành phố Hà Nội', '36 Cầu Giấy, Cầu Giấy, Hà Nội'),
  u('lbien', 'UBND quận Long Biên', 'Quận Long Biên', 'UBND thành phố Hà Nội', '1 Vạn Hạnh, Long Biên, Hà Nội'),
  u('txuan', 'UBND quận Thanh Xuân', 'Quận Thanh Xuân', 'UBND thành phố Hà Nội', '9 Khuất Duy Tiến, Thanh Xuân, Hà Nội'),
  u('hmai', 'UBND quận Hoàng Mai', 'Quận Hoàng Mai', 'UBND thành phố Hà Nội', '8 Ngõ 1 Bùi Huy Bích, Hoàng Mai, Hà Nội'),
];

export const DEMO_BLOCKS: DemoBlock[] = [
  {
    code: 'KTĐ4', name: 'Khối thi đua số 4', kind: 'khoi',
    description: 'Các cơ quan Đảng, trường đào tạo cán bộ và Ban quản lý các khu công nghiệp và chế xuất của Thành phố.',
    units: ['hiza', 'dukcq', 'lhp', 'dukdn', 'dukdh'],
    years: [{ year: 2024, leader: 'dukcq', deputy: 'dukdn' }, { year: 2025, leader: 'dukdn', deputy: 'dukdh' }],
  },
  {
    code: 'KTĐ1', name: 'Khối thi đua số 1', kind: 'khoi', description: 'Các sở, cơ quan tổng hợp của Thành phố.',
    units: ['snv', 'stc', 'stp', 'ttra', 'vpub', 'sqhkt'],
    years: [{ year: 2024, leader: 'snv', deputy: 'stc' }, { year: 2025, leader: 'stc', deputy: 'stp', inProgress: true }],
  },
  {
    code: 'KTĐ2', name: 'Khối thi đua số 2', kind: 'khoi', description: 'Các sở quản lý kinh tế, hạ tầng và dịch vụ.',
    units: ['sxd', 'sct', 'snn', 'skhcn', 'sdl', 'sgtvt', 'syt'],
    years: [{ year: 2025, leader: 'sxd', deputy: 'sct' }],
  },
  {
    code: 'CTĐ1', name: 'Cụm thi đua số 1', kind: 'cum', description: 'Các quận nội thành.',
    units: ['bdinh', 'hkiem', 'tho', 'ddda', 'hbt', 'cgiay', 'lbien', 'txuan', 'hmai'],
    years: [{ year: 2024, leader: 'bdinh', deputy: 'hkiem' }, { year: 2025, leader: 'hkiem', deputy: 'tho' }],
  },
];

/** Every unit of Khối 4 and Khối 1 has an officer and a head; `npm start` prints the main ones (keep `highlight` in step). */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@thidua.vn', fullName: 'Quản trị Hệ thống', role: 'admin', title: 'Quản trị viên', highlight: 'Quản trị hệ thống' },
  { email: 'bantdkt@thidua.vn', fullName: 'Lê Thu Trang', role: 'board', title: 'Chuyên viên Phòng Nghiệp vụ 1', highlight: 'Ban Thi đua – Khen thưởng TP' },
  { email: 'canbo.dukcq@thidua.vn', fullName: 'Phạm Quang Huy', role: 'officer', unit: 'dukcq', title: 'Chuyên viên thi đua', highlight: 'Cán bộ đơn vị khối trưởng 2024 (Khối 4)' },
  { email: 'canbo.lhp@thidua.vn', fullName: 'Đỗ Thị Hạnh', role: 'officer', unit: 'lhp', title: 'Chuyên viên thi đua', highlight: 'Cán bộ đơn vị thành viên (Khối 4)' },
  { email: 'thutruong.lhp@thidua.vn', fullName: 'Vũ Đức Thành', role: 'unit_head', unit: 'lhp', title: 'Hiệu trưởng', highlight: 'Thủ trưởng đơn vị (Khối 4)' },
  { email: 'thutruong.dukcq@thidua.vn', fullName: 'Trịnh Văn Khải', role: 'unit_head', unit: 'dukcq', title: 'Phó Bí thư Thường trực' },
  { email: 'canbo.dukdn@thidua.vn', fullName: 'Hoàng Minh Châu', role: 'officer', unit: 'dukdn', title: 'Chuyên viên thi đua' },
  { email: 'thutruong.dukdn@thidua.vn', fullName: 'Ngô Văn Bình', role: 'unit_head', unit: 'dukdn', title: 'Phó Bí thư' },
  { email: 'canbo.hiza@thidua.vn', fullName: 'Bùi Thanh Tâm', role: 'officer', unit: 'hiza', title: 'Chuyên viên' },
  { email: 'thutruong.hiza@thidua.vn', fullName: 'Đặng Quốc Việt', role: 'unit_head', unit: 'hiza', title: 'Trưởng ban' },
  { email: 'canbo.dukdh@thidua.vn', fullName: 'Lý Thị Mai', role: 'officer', unit: 'dukdh', title: 'Chuyên viên' },
  { email: 'thutruong.dukdh@thidua.vn', fullName: 'Tạ Minh Đức', role: 'unit_head', unit: 'dukdh', title: 'Bí thư' },
  // Khối thi đua số 1: an officer and a head for every unit, so its 2025 year end can be replayed (leader Sở Tài chính).
  { email: 'canbo.stc@thidua.vn', fullName: 'Dương Thị Thu Hà', role: 'officer', unit: 'stc', title: 'Chuyên viên Văn phòng Sở', highlight: 'Cán bộ đơn vị khối trưởng 2025 (Khối 1): diễn tập cuối năm' },
  { email: 'thutruong.stc@thidua.vn', fullName: 'Nguyễn Hữu Phúc', role: 'unit_head', unit: 'stc', title: 'Giám đốc Sở' },
  { email: 'canbo.snv@thidua.vn', fullName: 'Cao Thị Lan', role: 'officer', unit: 'snv', title: 'Chuyên viên' },
  { email: 'thutruong.snv@thidua.vn', fullName: 'Trần Đình Khoa', role: 'unit_head', unit: 'snv', title: 'Giám đốc Sở' },
  { email: 'canbo.stp@thidua.vn', fullName: 'Lương Minh Tuấn', role: 'officer', unit: 'stp', title: 'Chuyên viên' },
  { email: 'thutruong.stp@thidua.vn', fullName: 'Phan Thị Ngọc Anh', role: 'unit_head', unit: 'stp', title: 'Giám đốc Sở' },
  { email: 'canbo.ttra@thidua.vn', fullName: 'Hà Văn Sơn', role: 'officer', unit: 'ttra', title: 'Thanh tra viên' },
  { email: 'thutruong.ttra@thidua.vn', fullName: 'Đinh Công Thắng', role: 'unit_head', unit: 'ttra', title: 'Chánh Thanh tra' },
  { email: 'canbo.vpub@thidua.vn', fullName: 'Chu Thị Bích Ngọc', role: 'officer', unit: 'vpub', title: 'Chuyên viên' },
  { email: 'thutruong.vpub@thidua.vn', fullName: 'Lại Quốc Hưng', role: 'unit_head', unit: 'vpub', title: 'Chánh Văn phòng' },
  { email: 'canbo.sqhkt@thidua.vn', fullName: 'Tống Thị Hương', role: 'officer', unit: 'sqhkt', title: 'Chuyên viên' },
  { email: 'thutruong.sqhkt@thidua.vn', fullName: 'Âu Dương Bảo', role: 'unit_head', unit: 'sqhkt', title: 'Giám đốc Sở' },
  { email: 'canbo.sxd@thidua.vn', fullName: 'Kiều Văn Nam', role: 'officer', unit: 'sxd', title: 'Chuyên viên' },
  { email: 'canbo.bdinh@thidua.vn', fullName: 'Mai Thị Hoa', role: 'officer', unit: 'bdinh', title: 'Chuyên viên' },
];
