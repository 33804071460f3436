/**
 * Demo data for the plan and rules of Khối thi đua số 4 (the seed article of 26/04/2024). Everything is
 * written through the service's transactional methods, so the rows, hashes and audit entries are the
 * same as if the people of the story had clicked through the application; only the timestamps are then
 * moved back to the story's dates.
 */
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/actor';
import { ScopeService } from '../../common/scope/scope.service';
import { AuditService } from '../../modules/audit/audit.service';
import { BlockYearsService } from '../../modules/block-years/block-years.service';
import { recordDemoCommentTimes } from '../../modules/drafts/comment-data';
import { demoActor, type StartOfYearDemoIds, unitIdOf, vn } from './demo-ids';
import { loadVersion, recordDemoVersionTimes, versionSummaries } from '../../modules/drafts/draft-data';
import { DraftReadService } from '../../modules/drafts/draft-read.service';
import { DraftWorkflowService } from '../../modules/drafts/draft-workflow.service';
import type { PlanDataInputDto } from '../../modules/drafts/dto/draft-request.dto';
import { activitiesOfYear } from '../../modules/drafts/plan-activity-data';

export type { StartOfYearDemoIds } from './demo-ids';

export interface Drafts2024DemoResult {
  /** The 2024 plan (version 2) and rules (version 1), circulated: the 2024 launch conference's material, adopted there. */
  planVersion2024Id: string;
  rulesVersion2024Id: string;
}

export interface Drafts2025DemoResult {
  /** 2025: plan version 2 circulated for comments, rules version 1 still a draft. */
  planVersion2025Id: string;
  rulesVersion2025Id: string;
}

export const DEMO_EMAILS = {
  leader2024: 'canbo.dukcq@thidua.vn',
  leader2025: 'canbo.dukdn@thidua.vn',
  deputy2025: 'canbo.dukdh@thidua.vn',
  officers: { hiza: 'canbo.hiza@thidua.vn', dukcq: 'canbo.dukcq@thidua.vn', lhp: 'canbo.lhp@thidua.vn', dukdn: 'canbo.dukdn@thidua.vn', dukdh: 'canbo.dukdh@thidua.vn' },
  heads: { hiza: 'thutruong.hiza@thidua.vn', dukcq: 'thutruong.dukcq@thidua.vn', lhp: 'thutruong.lhp@thidua.vn', dukdn: 'thutruong.dukdn@thidua.vn', dukdh: 'thutruong.dukdh@thidua.vn' },
} as const;

const s = (key: string, heading: string, body: string): { key: string; heading: string; body: string } => ({ key, heading, body });

// ─── 2024 ───────────────────────────────────────────────────────────────────────────────────────────

const PLAN_2024_SECTIONS = [
  s('muc-dich-yeu-cau', 'I. MỤC ĐÍCH, YÊU CẦU', [
    '1. Mục đích',
    'Tiếp tục đổi mới, nâng cao chất lượng công tác thi đua, khen thưởng trong các đơn vị thành viên Khối thi đua số 4; hưởng ứng sâu rộng phong trào thi đua yêu nước, góp phần hoàn thành xuất sắc nhiệm vụ chính trị năm 2024 của mỗi đơn vị.',
    'Tổ chức các hoạt động thiết thực kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024) và 70 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024).',
    '',
    '2. Yêu cầu',
    '- Phong trào thi đua phải có trọng tâm, trọng điểm; nội dung thiết thực, với các tiêu chí cụ thể, rõ ràng, tránh phô trương, hình thức.',
    '- Kết hợp chặt chẽ giữa phong trào thi đua thường xuyên với các phong trào thi đua theo đợt, theo chuyên đề do Thành phố phát động.',
    '- Các đơn vị căn cứ Kế hoạch hoạt động của Khối để xây dựng kế hoạch và tổ chức phát động phong trào thi đua tại đơn vị.',
  ].join('\n')),
  s('chu-de', 'II. CHỦ ĐỀ, KHẨU HIỆU THI ĐUA', 'Chủ đề và khẩu hiệu thi đua năm 2024 của Khối được các đơn vị quán triệt đến từng cán bộ, công chức, viên chức, người lao động.'),
  s('noi-dung', 'III. NỘI DUNG THI ĐUA', [
    '- Thi đua hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ chính trị được giao năm 2024.',
    '- Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị.',
    '- Thi đua thực hiện cải cách hành chính, ứng dụng công nghệ thông tin và chuyển đổi số trong hoạt động của cơ quan, đơn vị.',
    '- Xây dựng tổ chức cơ sở đảng, chính quyền, đoàn thể trong sạch, vững mạnh; thực hiện tốt văn hóa công vụ.',
    '- Phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến; tăng cường tuyên truyền về tấm gương người tốt, việc tốt.',
  ].join('\n')),
  s('hoat-dong', 'IV. CÁC HOẠT ĐỘNG CỤ THỂ', 'Các hoạt động chung của Khối, thời gian thực hiện và đơn vị chủ trì như sau:'),
  s('phong-trao', 'V. CÁC PHONG TRÀO THI ĐUA', 'Các đơn vị phát động và tổ chức thực hiện các phong trào thi đua thường xuyên và theo đợt, chuyên đề sau:'),
  s('ky-niem', 'VI. CÁC NGÀY KỶ NIỆM', 'Các đơn vị tổ chức các hoạt động thiết thực chào mừng các ngày lễ lớn, sự kiện trọng đại của đất nước và Thủ đô:'),
  s('nghien-cuu-thuc-te', 'VII. HOẠT ĐỘNG NGHIÊN CỨU THỰC TẾ', 'Khối tổ chức các chuyến đi nghiên cứu thực tế, học tập kinh nghiệm:'),
  s('to-chuc-thuc-hien', 'VIII. TỔ CHỨC THỰC HIỆN', [
    '1. Đảng ủy Khối các cơ quan Thành phố (Khối trưởng) chủ trì, phối hợp với Đảng ủy Khối Doanh nghiệp Hà Nội (Khối phó) theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp kết quả, báo cáo Ban Thi đua - Khen thưởng Thành phố.',
    '2. Các đơn vị thành viên căn cứ Kế hoạch xây dựng kế hoạch của đơn vị; phối hợp chặt chẽ với Phòng Nghiệp vụ 1, Ban Thi đua - Khen thưởng Thành phố trong quá trình triển khai.',
    '3. Đơn vị được phân công chủ trì hoạt động chịu trách nhiệm xây dựng kế hoạch chi tiết, gửi các đơn vị trước ít nhất 10 ngày.',
  ].join('\n')),
];

function plan2024(u: (k: string) => string, v: 1 | 2): PlanDataInputDto {
  const activities = [
    { key: 'hd01', title: 'Xây dựng dự thảo Kế hoạch hoạt động, Quy chế và Giao ước thi đua năm 2024; gửi xin ý kiến các đơn vị', startDate: '2024-03-04', endDate: '2024-04-15', ownerUnitId: u('dukcq') },
    { key: 'hd02', title: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024', startDate: '2024-04-26', endDate: '2024-04-26', ownerUnitId: u('dukcq'), notes: 'Tại Đảng ủy Khối các cơ quan Thành phố' },
    { key: 'hd03', title: 'Tọa đàm "Điện Biên Phủ - bản hùng ca bất diệt" kỷ niệm 70 năm Chiến thắng Điện Biên Phủ', startDate: '2024-05-03', endDate: '2024-05-03', ownerUnitId: u('lhp') },
    ...(v === 2 ? [{ key: 'hd04', title: 'Đoàn công tác của Khối nghiên cứu thực tế, dâng hương tại Di tích lịch sử Chiến trường Điện Biên Phủ', startDate: '2024-05-15', endDate: '2024-05-17', ownerUnitId: u('dukdn') }] : []),
    { key: 'hd05', title: 'Sơ kết công tác thi đua 6 tháng đầu năm; kiểm tra chéo việc thực hiện giao ước giữa các đơn vị', startDate: '2024-07-10', endDate: '2024-07-19', ownerUnitId: u('dukcq') },
    { key: 'hd06', title: 'Thăm, tặng quà gia đình chính sách, thương binh, liệt sĩ nhân kỷ niệm 77 năm Ngày Thương binh - Liệt sĩ', startDate: '2024-07-22', endDate: '2024-07-26', ownerUnitId: u('dukdh') },
    ...(v === 2 ? [{ key: 'hd07', title: 'Giải thể thao, hội diễn văn nghệ chào mừng 70 năm Ngày Giải phóng Thủ đô', startDate: '2024-09-20', endDate: '2024-10-05', ownerUnitId: u('hiza') }] : []),
    { key: 'hd08', title: 'Nghiên cứu thực tế mô hình chuyển đổi số tại Khu công nghệ cao Hòa Lạc', startDate: '2024-10-24', endDate: '2024-10-24', ownerUnitId: u('hiza') },
    { key: 'hd09', title: 'Các đơn vị tự chấm điểm, gửi báo cáo tổng kết công tác thi đua, khen thưởng năm 2024', startDate: '2024-11-15', endDate: '2024-11-29', ownerUnitId: null, notes: 'Tất cả các đơn vị' },
    { key: 'hd10', title: 'Hội nghị tổng kết, bình xét thi đua năm 2024; bầu Khối trưởng, Khối phó năm 2025', startDate: '2024-12-10', endDate: '2024-12-10', ownerUnitId: u('dukcq') },
  ];
  return {
    theme: 'Đoàn kết, kỷ cương, đổi mới, sáng tạo; thi đua lập thành tích chào mừng 70 năm Chiến thắng Điện Biên Phủ và 70 năm Ngày Giải phóng Thủ đô',
    slogan: 'Đoàn kết - Kỷ cương - Sáng tạo - Hiệu quả',
    activities,
    movements: [
      { key: 'pt1', kind: 'regular', title: 'Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2024', period: 'Cả năm 2024', goal: '100% đơn vị hoàn thành các chỉ tiêu đã giao ước' },
      { key: 'pt2', kind: 'regular', title: 'Phong trào "Cán bộ, công chức, viên chức Thủ đô thi đua thực hiện văn hóa công sở"', period: 'Cả năm 2024', goal: 'Không có cán bộ vi phạm kỷ luật, kỷ cương hành chính' },
      { key: 'pt3', kind: 'thematic', title: 'Thi đua lập thành tích chào mừng kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)', period: 'Từ tháng 01 đến ngày 07/5/2024', goal: 'Mỗi đơn vị có ít nhất một công trình, phần việc chào mừng' },
      { key: 'pt4', kind: 'thematic', title: 'Thi đua lập thành tích chào mừng kỷ niệm 70 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024)', period: 'Từ tháng 5 đến ngày 10/10/2024', goal: 'Tuyên truyền sâu rộng truyền thống Thủ đô; gắn biển công trình chào mừng' },
    ],
    commemorations: [
      { key: 'kn1', title: 'Kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam', date: '2024-02-03' },
      { key: 'kn2', title: 'Kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)', date: '2024-05-07' },
      { key: 'kn3', title: 'Kỷ niệm 134 năm Ngày sinh Chủ tịch Hồ Chí Minh', date: '2024-05-19' },
      { key: 'kn4', title: 'Kỷ niệm 79 năm Cách mạng Tháng Tám và Quốc khánh 2/9', date: '2024-09-02' },
      { key: 'kn5', title: 'Kỷ niệm 70 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024)', date: '2024-10-10' },
    ],
    fieldTrips: [
      ...(v === 2 ? [{ key: 'tt1', title: 'Nghiên cứu thực tế, dâng hương tưởng niệm các anh hùng liệt sĩ', place: 'Di tích lịch sử Chiến trường Điện Biên Phủ, tỉnh Điện Biên', period: '15 - 17/5/2024', ownerUnitId: u('dukdn') }] : []),
      { key: 'tt2', title: 'Học tập mô hình chuyển đổi số, đổi mới sáng tạo', place: 'Khu công nghệ cao Hòa Lạc, Thạch Thất, Hà Nội', period: '24/10/2024', ownerUnitId: u('hiza') },
    ],
  };
}

const RULES_SECTIONS = (year: number) => [
  s('quy-dinh-chung', 'Chương I. QUY ĐỊNH CHUNG', [
    'Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng',
    `Quy chế này quy định về tổ chức, hoạt động, chấm điểm và bình xét thi đua của Khối thi đua số 4 năm ${year}, áp dụng đối với 05 đơn vị thành viên của Khối.`,
    'Điều 2. Nguyên tắc hoạt động',
    '- Tự nguyện, tự giác, công khai; đoàn kết, hợp tác và cùng phát triển.',
    '- Khối trưởng, Khối phó do Hội nghị tổng kết năm trước bầu, luân phiên giữa các đơn vị thành viên.',
  ].join('\n')),
  s('to-chuc-hoat-dong', 'Chương II. TỔ CHỨC VÀ HOẠT ĐỘNG CỦA KHỐI', [
    'Điều 3. Nhiệm vụ của Khối trưởng, Khối phó',
    '- Khối trưởng xây dựng Kế hoạch hoạt động, Quy chế, Giao ước thi đua; chủ trì các hội nghị của Khối; tổng hợp kết quả chấm điểm, bình xét.',
    '- Khối phó phối hợp với Khối trưởng và thay Khối trưởng điều hành khi được ủy quyền.',
    'Điều 4. Chế độ hội họp',
    'Khối tổ chức Hội nghị triển khai và ký kết giao ước đầu năm, sơ kết 6 tháng và tổng kết năm; hội nghị bất thường khi cần thiết.',
  ].join('\n')),
  s('binh-xet-thi-dua', 'Chương III. CHẤM ĐIỂM, BÌNH XÉT THI ĐUA', [
    'Điều 5. Chấm điểm',
    'Các đơn vị tự chấm điểm theo Bảng chấm điểm của Khối, kèm minh chứng; các đơn vị chấm chéo và Khối trưởng thẩm định.',
    'Điều 6. Bình xét, suy tôn',
    'Việc bình xét, suy tôn đơn vị dẫn đầu và đề nghị khen thưởng thực hiện bằng bỏ phiếu kín theo Bộ quy tắc bình xét dưới đây.',
  ].join('\n')),
  s('dieu-khoan-thi-hanh', 'Chương IV. ĐIỀU KHOẢN THI HÀNH', 'Điều 7. Quy chế có hiệu lực kể từ ngày được Hội nghị Khối thông qua. Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Khối trưởng để tổng hợp, trình Hội nghị Khối xem xét, sửa đổi.'),
];

// ─── 2025 ───────────────────────────────────────────────────────────────────────────────────────────

const PLAN_2025_SECTIONS = (v: 1 | 2) => [
  s('muc-dich-yeu-cau', 'I. MỤC ĐÍCH, YÊU CẦU', [
    '1. Mục đích',
    'Động viên cán bộ, đảng viên, công chức, viên chức, người lao động các đơn vị thành viên thi đua hoàn thành xuất sắc nhiệm vụ năm 2025 - năm tăng tốc, bứt phá, về đích các mục tiêu nhiệm kỳ.',
    '',
    '2. Yêu cầu',
    '- Nội dung thi đua thiết thực, gắn với nhiệm vụ chính trị của từng đơn vị.',
    '- Kịp thời phát hiện, biểu dương, nhân rộng các điển hình tiên tiến.',
  ].join('\n')),
  s('chu-de', 'II. CHỦ ĐỀ, KHẨU HIỆU THI ĐUA', 'Chủ đề và khẩu hiệu thi đua năm 2025 của Khối:'),
  s('noi-dung', 'III. NỘI DUNG THI ĐUA', [
    '- Thi đua hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ chính trị được giao năm 2025.',
    '- Thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp, tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.',
    ...(v === 2 ? ['- Thi đua thực hiện tốt việc sắp xếp, tinh gọn tổ chức bộ máy theo Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương.'] : []),
    '- Đẩy mạnh chuyển đổi số, cải cách hành chính; tuyên truyền gương người tốt, việc tốt.',
  ].join('\n')),
  s('hoat-dong', 'IV. CÁC HOẠT ĐỘNG CỤ THỂ', 'Các hoạt động chung của Khối, thời gian thực hiện và đơn vị chủ trì như sau:'),
  s('phong-trao', 'V. CÁC PHONG TRÀO THI ĐUA', 'Các đơn vị phát động các phong trào thi đua sau:'),
  s('ky-niem', 'VI. CÁC NGÀY KỶ NIỆM', 'Tổ chức các hoạt động chào mừng các ngày lễ lớn năm 2025:'),
  s('nghien-cuu-thuc-te', 'VII. HOẠT ĐỘNG NGHIÊN CỨU THỰC TẾ', 'Khối tổ chức chuyến về nguồn, học tập truyền thống cách mạng:'),
  s('to-chuc-thuc-hien', 'VIII. TỔ CHỨC THỰC HIỆN', 'Đảng ủy Khối Doanh nghiệp Hà Nội (Khối trưởng) chủ trì, phối hợp với Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội (Khối phó) theo dõi, đôn đốc việc thực hiện Kế hoạch.'),
];

function plan2025(u: (k: string) => string): PlanDataInputDto {
  return {
    theme: 'Kỷ cương, trách nhiệm, tăng tốc, bứt phá, về đích',
    slogan: 'Đoàn kết - Đổi mới - Sáng tạo - Về đích',
    activities: [
      { key: 'hd01', title: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2025', startDate: '2025-03-28', endDate: '2025-03-28', ownerUnitId: u('dukdn') },
      { key: 'hd02', title: 'Hội thảo "Chuyển đổi số trong công tác thi đua, khen thưởng"', startDate: '2025-05-20', endDate: '2025-05-20', ownerUnitId: u('dukdh') },
      { key: 'hd03', title: 'Sơ kết công tác thi đua 6 tháng đầu năm 2025', startDate: '2025-07-08', endDate: '2025-07-08', ownerUnitId: u('dukdn') },
      { key: 'hd04', title: 'Nghiên cứu thực tế tại Khu di tích quốc gia đặc biệt ATK Định Hóa, Thái Nguyên', startDate: '2025-08-14', endDate: '2025-08-15', ownerUnitId: u('lhp') },
      { key: 'hd05', title: 'Hội nghị tổng kết, bình xét thi đua năm 2025', startDate: '2025-12-09', endDate: '2025-12-09', ownerUnitId: u('dukdn') },
    ],
    movements: [
      { key: 'pt1', kind: 'regular', title: 'Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2025', period: 'Cả năm 2025', goal: '100% đơn vị hoàn thành các chỉ tiêu đã giao ước' },
      { key: 'pt2', kind: 'thematic', title: 'Thi đua lập thành tích chào mừng kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2025)', period: 'Từ tháng 01 đến ngày 30/4/2025', goal: 'Mỗi đơn vị có công trình, phần việc chào mừng' },
    ],
    commemorations: [
      { key: 'kn1', title: 'Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam', date: '2025-02-03' },
      { key: 'kn2', title: 'Kỷ niệm 50 năm Ngày Giải phóng miền Nam, thống nhất đất nước', date: '2025-04-30' },
      { key: 'kn3', title: 'Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh', date: '2025-05-19' },
      { key: 'kn4', title: 'Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9', date: '2025-09-02' },
      { key: 'kn5', title: 'Kỷ niệm 71 năm Ngày Giải phóng Thủ đô', date: '2025-10-10' },
    ],
    fieldTrips: [{ key: 'tt1', title: 'Về nguồn, học tập truyền thống cách mạng', place: 'ATK Định Hóa, tỉnh Thái Nguyên', period: '14 - 15/8/2025', ownerUnitId: u('lhp') }],
  };
}

// ─── The seed ───────────────────────────────────────────────────────────────────────────────────────

/** The drafts use cases, built as the app builds them, acting in the loader's transaction. */
export function draftUseCases(em: EntityManager): DraftWorkflowService {
  const audit = new AuditService(em.connection);
  return new DraftWorkflowService(em.connection, audit, new BlockYearsService(em.connection, audit, new ScopeService(em.connection)), new DraftReadService(em.connection));
}

/**
 * Writes the 2024 plan and rules of Khối thi đua số 4 up to the launch conference of 26/04/2024: the plan's version 1
 * circulated in March, two comments taken on board, version 2 circulated; the rules circulated. The conference adopts
 * them (`seedLaunch2024`). Run inside the demo loader's transaction.
 */
export async function seedDrafts2024Demo(em: EntityManager, ids: StartOfYearDemoIds): Promise<Drafts2024DemoResult> {
  const svc = draftUseCases(em);
  const u = (k: string) => unitIdOf(ids, k);
  const leader24 = await demoActor(em, DEMO_EMAILS.leader2024);
  const officer = (k: keyof typeof DEMO_EMAILS.officers) => demoActor(em, DEMO_EMAILS.officers[k]);

  const plan24 = await createDoc(em, svc, leader24, ids.blockYearIds[2024], 'plan');
  const p1 = await firstVersion(em, plan24);
  await writeContent(em, svc, leader24, p1, PLAN_2024_SECTIONS, plan2024(u, 1));
  await svc.circulateDraftTx(em, leader24, p1);
  const c1 = await svc.addCommentTx(em, await officer('lhp'), p1, { sectionKey: 'nghien-cuu-thuc-te', body: 'Đề nghị bổ sung chuyến nghiên cứu thực tế, dâng hương tại Điện Biên vào dịp kỷ niệm 70 năm Chiến thắng Điện Biên Phủ.' });
  const c1r = await svc.addCommentTx(em, leader24, p1, { sectionKey: 'nghien-cuu-thuc-te', body: 'Khối trưởng tiếp thu, bổ sung vào phiên bản 2; giao Đảng ủy Khối Doanh nghiệp chủ trì.', parentId: c1 });
  const c2 = await svc.addCommentTx(em, await officer('hiza'), p1, { sectionKey: 'hoat-dong', body: 'Ban quản lý các khu công nghiệp và chế xuất Hà Nội xin đăng cai giải thể thao, văn nghệ chào mừng 70 năm Ngày Giải phóng Thủ đô.' });
  await svc.setCommentResolvedTx(em, leader24, c1, true);
  await svc.setCommentResolvedTx(em, leader24, c2, true);
  const p2 = await svc.reviseDraftTx(em, leader24, p1);
  await writeContent(em, svc, leader24, p2, null, plan2024(u, 2));
  await svc.circulateDraftTx(em, leader24, p2);
  await dates(em, p1, { created: vn('2024-03-11', '09:00'), circulated: vn('2024-03-25', '15:30') });
  await commentDates(em, [[c1, vn('2024-03-28', '10:12'), vn('2024-04-08', '09:40')], [c1r, vn('2024-04-01', '08:30'), null], [c2, vn('2024-04-02', '14:05'), vn('2024-04-08', '09:41')]]);

  // The rules: the default rule set, circulated.
  const rules24 = await createDoc(em, svc, leader24, ids.blockYearIds[2024], 'rules');
  const r1 = await firstVersion(em, rules24);
  await writeContent(em, svc, leader24, r1, RULES_SECTIONS(2024), null);
  await svc.circulateDraftTx(em, leader24, r1);
  return { planVersion2024Id: p2, rulesVersion2024Id: r1 };
}

/**
 * After the 2024 launch conference adopted them: the recorded times of the adopted versions, the 2024 plan's
 * activities through the year, and the 2025 plan and rules (the rules copied from the adopted 2024 ones). Run
 * inside the demo loader's transaction.
 */
export async function seedDraftsAfterLaunch2024Demo(em: EntityManager, ids: StartOfYearDemoIds, adopted: Drafts2024DemoResult): Promise<Drafts2025DemoResult> {
  const svc = draftUseCases(em);
  const u = (k: string) => unitIdOf(ids, k);
  const who = async (email: string) => demoActor(em, email);
  const leader24 = await who(DEMO_EMAILS.leader2024);
  const leader25 = await who(DEMO_EMAILS.leader2025);
  const officer = (k: keyof typeof DEMO_EMAILS.officers) => who(DEMO_EMAILS.officers[k]);
  const { planVersion2024Id: p2, rulesVersion2024Id: r1 } = adopted;
  for (const [id, v] of [[p2, 'plan'], [r1, 'rules']] as const) {
    const status = (await loadVersion(em, id)).v.status;
    if (status !== 'adopted') throw new Error(`Demo: the 2024 ${v} should have been adopted at the launch conference, is ${status}`);
  }
  await dates(em, p2, { created: vn('2024-04-08', '10:00'), circulated: vn('2024-04-15', '16:00'), adopted: vn('2024-04-26', '08:45') });
  await dates(em, r1, { created: vn('2024-03-12', '09:00'), circulated: vn('2024-03-25', '15:35'), adopted: vn('2024-04-26', '09:20') });
  // The year went on: activities until the autumn are done, the self-assessment is under way.
  for (const a of await activitiesOfYear(em, ids.blockYearIds[2024])) {
    const status = a.activityKey === 'hd09' ? 'in_progress' : a.activityKey === 'hd10' ? 'planned' : 'done';
    if (status !== 'planned') await svc.updateActivityTx(em, leader24, a.id, { status, version: a.version, ...(a.activityKey === 'hd04' ? { notes: 'Đoàn 35 đồng chí, dâng hương tại Đồi A1 và Nghĩa trang liệt sĩ Độc Lập' } : {}) });
  }

  // 2025 plan: version 1 circulated, version 2 circulated with comments (one resolved).
  const plan25 = await createDoc(em, svc, leader25, ids.blockYearIds[2025], 'plan');
  const q1 = await firstVersion(em, plan25);
  await writeContent(em, svc, leader25, q1, PLAN_2025_SECTIONS(1), plan2025(u));
  await svc.circulateDraftTx(em, leader25, q1);
  const d1 = await svc.addCommentTx(em, await officer('lhp'), q1, { sectionKey: 'noi-dung', body: 'Đề nghị bổ sung nội dung thi đua thực hiện sắp xếp, tinh gọn tổ chức bộ máy theo Nghị quyết số 18-NQ/TW.' });
  await svc.setCommentResolvedTx(em, leader25, d1, true);
  const q2 = await svc.reviseDraftTx(em, leader25, q1);
  await writeContent(em, svc, leader25, q2, PLAN_2025_SECTIONS(2), null);
  await svc.circulateDraftTx(em, leader25, q2);
  const e1 = await svc.addCommentTx(em, await officer('dukcq'), q2, { sectionKey: 'phong-trao', body: 'Đề nghị bổ sung phong trào thi đua chào mừng kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9.' });
  const e1r = await svc.addCommentTx(em, leader25, q2, { sectionKey: 'phong-trao', body: 'Khối trưởng tiếp thu, sẽ bổ sung ở phiên bản trình Hội nghị.', parentId: e1 });
  await svc.setCommentResolvedTx(em, leader25, e1, true);
  const e2 = await svc.addCommentTx(em, await who(DEMO_EMAILS.heads.hiza), q2, { sectionKey: 'hoat-dong', body: 'Đề nghị lùi Hội nghị sơ kết 6 tháng sang tuần thứ hai của tháng 7 để các đơn vị kịp tổng hợp số liệu.' });
  const e3 = await svc.addCommentTx(em, await officer('lhp'), q2, { sectionKey: 'ky-niem', body: 'Trường Đào tạo cán bộ Lê Hồng Phong đề nghị chủ trì tọa đàm kỷ niệm 80 năm Cách mạng Tháng Tám.' });
  await dates(em, q1, { created: vn('2025-02-17', '09:00'), circulated: vn('2025-02-24', '16:00') });
  await dates(em, q2, { created: vn('2025-03-05', '08:30'), circulated: vn('2025-03-10', '15:00') });
  await commentDates(em, [[d1, vn('2025-02-26', '09:15'), vn('2025-03-05', '08:20')], [e1, vn('2025-03-12', '10:00'), vn('2025-03-13', '08:45')], [e1r, vn('2025-03-13', '08:44'), null], [e2, vn('2025-03-13', '14:30'), null], [e3, vn('2025-03-14', '09:05'), null]]);

  // 2025 rules: version 1 copied from the 2024 rules, still being drafted by the new leader.
  const rules25 = await svc.createDocumentTx(em, leader25, { blockYearId: ids.blockYearIds[2025], kind: 'rules', copyFromPreviousYear: true });
  const s1 = await firstVersion(em, rules25);
  const scope = (await loadVersion(em, s1)).v.sections.find((x) => x.key === 'quy-dinh-chung')!;
  await svc.updateSectionTx(em, leader25, s1, 'quy-dinh-chung', { body: scope.body.replace(/năm 2024/g, 'năm 2025'), rev: scope.rev });
  await dates(em, s1, { created: vn('2025-02-18', '10:00') });

  return { planVersion2025Id: q2, rulesVersion2025Id: s1 };
}

async function createDoc(em: EntityManager, svc: DraftWorkflowService, actor: Actor, blockYearId: string, kind: 'plan' | 'rules'): Promise<string> {
  return svc.createDocumentTx(em, actor, { blockYearId, kind });
}

async function firstVersion(em: EntityManager, documentId: string): Promise<string> {
  const v = (await versionSummaries(em, documentId)).find((x) => x.number === 1);
  if (!v) throw new Error(`Demo: draft document ${documentId} has no first version`);
  return v.id;
}

/** Writes the story's text into the template's sections (through section edits) and sets the plan data. */
async function writeContent(
  em: EntityManager, svc: DraftWorkflowService, actor: Actor, versionId: string,
  sections: { key: string; heading: string; body: string }[] | null, plan: PlanDataInputDto | null,
): Promise<void> {
  if (sections) {
    const current = (await loadVersion(em, versionId)).v.sections;
    for (const x of sections) {
      const now = current.find((y) => y.key === x.key);
      if (!now) throw new Error(`Demo: section "${x.key}" is not in the template`);
      await svc.updateSectionTx(em, actor, versionId, x.key, { heading: x.heading, body: x.body, rev: now.rev });
    }
  }
  if (plan) await svc.updateVersionTx(em, actor, versionId, { plan });
}

async function dates(em: EntityManager, id: string, d: { created: Date; circulated?: Date; adopted?: Date }): Promise<void> {
  await recordDemoVersionTimes(em, id, d);
}

async function commentDates(em: EntityManager, rows: [string, Date, Date | null][]): Promise<void> {
  for (const [id, created, resolved] of rows) await recordDemoCommentTimes(em, id, created, resolved);
}
