import type { EntityManager } from 'typeorm';
import { AuditService } from '../../modules/audit/audit.service';
import { DraftReadService } from '../../modules/drafts/draft-read.service';
import { demoActor } from './demo-ids';
import { recordDemoPublication } from '../../modules/news/news-data';
import { paragraphsToHtml } from '../../modules/news/news-html';
import { placeholderPhoto } from '../../modules/news/news-image';
import { NewsService, photoToStore } from '../../modules/news/news.service';
import { DEMO_EMAILS } from './drafts';

/**
 * Demo news of Khối thi đua số 4, 2024: the project's seed article (the real text of Trường ĐTCB Lê Hồng
 * Phong's page about the conference of 26/04/2024, published as the block's first news item) and three
 * fictional "người tốt, việc tốt" stories, one of them entered in the register of exemplary models.
 * There are no real photos: each photo is a plain grey placeholder generated here.
 */
const SEED_TITLE = 'HỘI NGHỊ TRIỂN KHAI KẾ HOẠCH THI ĐUA, KHEN THƯỞNG VÀ KÝ KẾT GIAO ƯỚC THI ĐUA NĂM 2024 - KHỐI THI ĐUA SỐ 4';
/** The seed article keeps the address of the original page. */
const SEED_SLUG = 'hoi-nghi-trien-khai-ke-hoach-thi-dua-khen-thuong-va-ky-ket-giao-uoc-thi-dua-nam-2024-khoi-thi-dua-so-4';
const SEED_PARAGRAPHS = [
  'Sáng ngày 26/4/2024, tại Đảng uỷ Khối các cơ quan Thành phố, Khối thi đua số 4 tổ chức hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024. Đồng chí Phùng Khải Lợi, Phó Bí thư Thường trực Đảng ủy khối các cơ quan Thành phố (Khối trưởng), Phạm Văn Mạch, Phó Bí thư Đảng ủy Khối Doanh nghiệp Hà Nội (Khối phó) chủ trì Hội nghị.',
  'Dự hội nghị có đồng Trần Thị Thu Hà - Phó Trưởng Ban Thi đua - Khen thưởng Thành phố, các đồng chí lãnh đạo, cán bộ phụ trách công tác thi đua khen thưởng của các đơn vị trong Khối thi đua số 4.',
  'Khối thi đua số 04 gồm 05 đơn vị (Ban quản lý các khu công nghiệp và chế xuất Hà Nội, Đảng ủy Khối các cơ quan Thành phố, Trường ĐTCB Lê Hồng Phong, Đảng ủy Khối các doanh nghiệp, Đảng ủy Khối các trường Đại học Cao đẳng).',
  'Tại Hội nghị, Khối Trưởng thi đua báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2024. Trong kế hoạch đã xác định rõ chủ đề, nội dung, hoạt động, phong trào thi đua cần triển khai trong năm với mục đích tiếp tục đổi mới, nâng cao chất lượng công tác thi đua khen thưởng, hưởng ứng phong trào thi đua yêu nước, đặc biệt là các hoạt động thiết thực kỷ niệm 70 năm này Chiến thắng Điện biên phủ (07/5/1954-07/5/2024), kỷ niệm 70 năm ngày giải phóng Thủ đô 10/10/1954-10/10/2024), các hoạt động đi nghiên cứu thực tế của Khối…',
  'Trong Dự thảo kế hoạch thể hiện rõ nhiệm vụ của Khối 4, thời gian thực hiện, đơn vị thực hiện….Đồng thời đóng góp vào dự thảo Quy chế hoạt động và bình xét thi đua của Khối thi đua số 4 năm 2024.',
  'Phát biểu tại Hội nghị, đồng chí Trần Thị Thu Hà - Phó Trưởng Ban Thi đua, Khen thưởng Thành phố biểu dương công tác chuẩn bị của Khối trưởng, Khối phó, các thành viên trong Khối 4 có mặt đông đủ. Đồng chí cũng cho biết thêm, công tác thi đua, khen thưởng đã có nhiều chuyển biến, đặc biệt là từ khi Luật thi đua, khen thưởng 2022 có hiệu lực từ ngày 01/01/2024. Tuy nhiên các hình thức thi đua cần xây dựng kế hoạch triển khai cho phù hợp, đảm bảo hài hoà giữa các công tác khác; công tác tuyên truyền về tấm gương điển hình tiên tiến, đặc biệt viết về tấm gương người tốt, việc tốt chưa có nhiều bài viết. Đồng chí cũng nhấn mạnh, Ban Thi đua, khen thưởng Thành phố luôn đồng hành, hướng dẫn về nghiệp vụ cho các đơn vị trong Khối, trên cơ sở đó cũng đề nghị các đơn vị phối hợp chặt chẽ với Phòng nghiệp vụ 1 của Ban Thi đua, khen thưởng Thành phố để triển khai các hoạt động thi đua được hiệu quả cao nhất.',
  'Để thể hiện sự đồng thuận và quyết tâm cao trong triển khai phong trào thi đua, đại diện lãnh đạo các đơn vị trong Khối thi đua số 4 đã ký Giao ước thi đua năm 2024.',
  'Phát biểu kết luận hội nghị, đồng chí Phùng Khải Lợi, Phó Bí thư Thường trực Đảng ủy khối các cơ quan Thành phố trân trọng cảm ơn ý kiến tham gia của lãnh đạo các đơn vị trong Khối. Đồng chí cũng nhấn mạnh các đơn vị cần căn cứ vào Kế hoạch hoạt động của Khối để tổ chức tốt việc phát động phong trào thi đua; phong trào thi đua phải có trọng tâm, trọng điểm; nội dung thiết thực, với các tiêu chí cụ thể, rõ ràng, tránh phô trương, hình thức; kết hợp chặt chẽ giữa thực hiện phong trào thi đua thường xuyên với các phong trào thi đua theo đợt, theo chuyên đề thành phố phát động; qua đó tổ chức thực hiện có hiệu quả các chỉ tiêu, nội dung ký kết giao ước thi đua, hoàn thành xuất sắc nhiệm vụ được giao năm 2024./.',
];
/** The seed's photo captions, each placed after the paragraph it follows on the original page. */
const SEED_PHOTOS = [
  { after: 3, caption: 'Quang cảnh hội nghị', alt: 'Ảnh minh họa thay cho ảnh quang cảnh hội nghị' },
  { after: 4, caption: 'Các đại biểu thảo luận tại Hội nghị', alt: 'Ảnh minh họa thay cho ảnh các đại biểu thảo luận' },
  { after: 7, caption: 'Lãnh đạo các đơn vị trong Khổi thi đua số 4 ký kết giao ước thi đua', alt: 'Ảnh minh họa thay cho ảnh lãnh đạo các đơn vị ký kết giao ước' },
  { after: 8, caption: 'Đồng chí Phùng Khải Lợi, Phó Bí thư Thường trực Đảng ủy khối các cơ quan Thành phố – Khối trưởng thi đua số 4 phát biểu kết luận Hội nghị', alt: 'Ảnh minh họa thay cho ảnh Khối trưởng phát biểu kết luận' },
];

interface DemoItem {
  unit: string;
  kind: 'news' | 'story';
  title: string;
  paragraphs: string[];
  author: string;
  subject?: { kind: 'person' | 'collective'; name: string };
  eventDate: string;
  publishedAt: string;
  movementKey?: string;
  activityKey?: string;
  photos: { after: number | null; caption: string; alt: string }[];
}

const ITEMS: DemoItem[] = [
  {
    unit: 'lhp', kind: 'news', title: SEED_TITLE, paragraphs: SEED_PARAGRAPHS, author: 'Tin và ảnh: Nguyễn Thị Thanh Hương', eventDate: '2024-04-26',
    publishedAt: '2024-04-26T11:31:00+07:00', activityKey: 'hd02', photos: SEED_PHOTOS,
  },
  // Fictional stories (người tốt, việc tốt), written for the demo.
  {
    unit: 'lhp', kind: 'story', title: 'Giảng viên Đỗ Minh Tuấn: mười năm đưa lớp bồi dưỡng lý luận chính trị về tận cơ sở',
    subject: { kind: 'person', name: 'ThS. Đỗ Minh Tuấn, giảng viên Khoa Lý luận cơ sở' }, eventDate: '2024-06-14', publishedAt: '2024-06-20T09:00:00+07:00', movementKey: 'pt1',
    paragraphs: [
      'Mười năm qua, ThS. Đỗ Minh Tuấn đã chủ động xin đảm nhận các lớp bồi dưỡng lý luận chính trị mở tại xã, phường ở các huyện ngoại thành, nơi học viên khó về Trường học tập trung.',
      'Anh tự biên soạn bộ câu hỏi tình huống gắn với công việc thực tế của cán bộ cơ sở, được nhiều học viên đánh giá dễ hiểu, dễ áp dụng. Năm 2024, anh phụ trách 6 lớp với hơn 400 học viên, không để một buổi học nào bị lỡ.',
      'Tấm gương của anh được Nhà trường đề nghị biểu dương trong phong trào thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2024.',
    ],
    author: 'Bài: Phòng Tổ chức – Hành chính', photos: [{ after: 1, caption: 'Giảng viên Đỗ Minh Tuấn trao đổi với học viên tại lớp học ở cơ sở', alt: 'Ảnh minh họa thay cho ảnh giảng viên và học viên' }],
  },
  {
    unit: 'hiza', kind: 'story', title: 'Tổ công đoàn Phòng Quản lý lao động: hơn 300 giờ tình nguyện hỗ trợ công nhân khu công nghiệp',
    subject: { kind: 'collective', name: 'Tổ công đoàn Phòng Quản lý lao động' }, eventDate: '2024-09-28', publishedAt: '2024-10-02T15:00:00+07:00', movementKey: 'pt4',
    paragraphs: [
      'Hưởng ứng phong trào thi đua chào mừng 70 năm Ngày Giải phóng Thủ đô, Tổ công đoàn Phòng Quản lý lao động đã tổ chức các buổi tư vấn pháp luật lao động vào cuối tuần tại khu nhà trọ của công nhân.',
      'Trong ba tháng, các đoàn viên đã dành hơn 300 giờ tình nguyện, giải đáp gần 500 câu hỏi về hợp đồng, bảo hiểm xã hội và an toàn lao động.',
    ],
    author: 'Tin và ảnh: Văn phòng Ban', photos: [{ after: 1, caption: 'Đoàn viên công đoàn tư vấn pháp luật lao động cho công nhân', alt: 'Ảnh minh họa thay cho ảnh buổi tư vấn cho công nhân' }],
  },
  {
    unit: 'dukdn', kind: 'story', title: 'Người tốt, việc tốt: anh Lê Quốc Bảo trả lại 50 triệu đồng nhặt được cho người đánh rơi',
    subject: { kind: 'person', name: 'Anh Lê Quốc Bảo, chuyên viên Ban Tuyên giáo' }, eventDate: '2024-08-09', publishedAt: '2024-08-12T10:00:00+07:00', movementKey: 'pt2',
    paragraphs: [
      'Trên đường đi làm sáng 09/8/2024, anh Lê Quốc Bảo nhặt được một chiếc túi có 50 triệu đồng và giấy tờ tùy thân. Anh đã đến công an phường gần nhất để trình báo và cùng cơ quan chức năng liên hệ trả lại cho người đánh rơi.',
      'Việc làm của anh là minh chứng sinh động cho phong trào "Cán bộ, công chức, viên chức Thủ đô thi đua thực hiện văn hóa công sở".',
    ],
    author: 'Bài: Văn phòng Đảng ủy Khối', photos: [],
  },
];

/**
 * Writes the demo news through the news module's use cases, as the people of the story did: each unit's officer
 * writes the item, adds its photos and sends it, the unit's head approves it; the school's head enters the
 * lecturer in the register; the leader unit of 2024 sets the year's targets. Then dated as in the story.
 */
export async function seedNewsDemo(em: EntityManager, ids: { unitIds: ReadonlyMap<string, string>; blockYearIds: ReadonlyMap<string, string> }): Promise<void> {
  const blockYearId = ids.blockYearIds.get('KTĐ4/2024');
  if (!blockYearId) return;
  const svc = new NewsService(em.connection, new AuditService(em.connection), new DraftReadService(em.connection));
  const unit = (k: string) => ids.unitIds.get(k)!;
  const officer = (k: string) => demoActor(em, DEMO_EMAILS.officers[k as keyof typeof DEMO_EMAILS.officers]);
  const head = (k: string) => demoActor(em, DEMO_EMAILS.heads[k as keyof typeof DEMO_EMAILS.heads]);
  const itemIds: string[] = [];
  let shade = 120;
  for (const item of ITEMS) {
    const writer = await officer(item.unit);
    const id = await svc.createTx(em, writer, {
      blockYearId, kind: item.kind, title: item.title, bodyHtml: paragraphsToHtml(item.paragraphs.join('\n\n')), authorLine: item.author,
      subjectKind: item.subject?.kind, subjectName: item.subject?.name, eventDate: item.eventDate, movementKey: item.movementKey, activityKey: item.activityKey,
    }, item.title === SEED_TITLE ? { slug: SEED_SLUG } : {});
    for (const p of item.photos) {
      const img = await photoToStore(await placeholderPhoto((shade += 17) % 140 + 60));
      await svc.addPhotoTx(em, writer, id, { caption: p.caption, alt: p.alt, afterParagraph: p.after ?? undefined }, img);
    }
    await svc.submitTx(em, writer, id);
    await svc.approveTx(em, await head(item.unit), id);
    await recordDemoPublication(em, id, new Date(item.publishedAt));
    itemIds.push(id);
  }
  // The register: the lecturer of the first story, cited by the school's dossier.
  await svc.createModelTx(em, await head('lhp'), {
    blockYearId, unitId: unit('lhp'), subjectKind: 'person', name: 'ThS. Đỗ Minh Tuấn',
    achievement: 'Mười năm mở lớp bồi dưỡng lý luận chính trị tại cơ sở; năm 2024 phụ trách 6 lớp với hơn 400 học viên.', storyIds: [itemIds[1]],
  });
  // Targets of the year: each unit publishes at least two news items and one story; one news item for the Điện Biên Phủ movement.
  await svc.setTargetsTx(em, await demoActor(em, DEMO_EMAILS.leader2024), {
    blockYearId, targets: [{ movementKey: '', kind: 'news', perUnit: 2 }, { movementKey: '', kind: 'story', perUnit: 1 }, { movementKey: 'pt3', kind: 'news', perUnit: 1 }],
  });
}
