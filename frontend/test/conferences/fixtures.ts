import type { Schemas } from '@/api/client';
import { units } from '../fixtures';

/**
 * The launch conference of Khối thi đua số 4 as the seed article tells it (26/04/2024, at the Đảng ủy
 * Khối các cơ quan Thành phố; leader: ĐUK các cơ quan TP, deputy: ĐUK Doanh nghiệp; five member units;
 * the board's representative as guest). People are fictional. Times are local, as the browser shows them.
 */
type Conference = Schemas['ConferenceDto'];
type Attendance = Schemas['ConferenceAttendanceDto'];
type AgendaItem = Schemas['ConferenceAgendaItemDto'];
type Minutes = Schemas['ConferenceMinutesDto'];

export const at = (y: number, mo: number, d: number, h = 8, mi = 0) => new Date(y, mo - 1, d, h, mi).toISOString();

const seatOf = (unitId: string) => (unitId === units.dukcq.id ? 'leader' : unitId === units.dukdn.id ? 'deputy' : null);
const heads: Record<string, string> = {
  [units.dukcq.id]: 'Trịnh Văn Khải – Phó Bí thư Thường trực',
  [units.dukdn.id]: 'Lê Minh Tuấn – Phó Bí thư',
  [units.bql.id]: 'Nguyễn Văn Bình – Phó Trưởng ban',
  [units.dukdh.id]: 'Phạm Thị Lan – Phó Bí thư',
  [units.lhp.id]: 'Vũ Đức Thành – Hiệu trưởng',
};

/** Leader first, deputy second, then the others: the order the server lists attendance in. */
const ORDER = [units.dukcq, units.dukdn, units.bql, units.dukdh, units.lhp];

export function attendance(present: string[], patch: Partial<Record<string, Partial<Attendance>>> = {}): Attendance[] {
  return ORDER.map((u) => ({
    unitId: u.id, unitName: u.name, unitShortName: u.shortName, seat: seatOf(u.id),
    rsvp: 'confirmed', rsvpDelegate: heads[u.id], rsvpByName: 'Cán bộ thi đua', rsvpAt: at(2024, 4, 22, 10),
    presence: present.includes(u.id) ? 'present' : null, delegateName: present.includes(u.id) ? heads[u.id] : '', checkedInAt: present.includes(u.id) ? at(2024, 4, 26, 7, 50) : null,
    ...patch[u.id],
  }));
}

export const quorumOf = (list: Attendance[]): Schemas['ConferenceQuorumDto'] => {
  const present = list.filter((a) => a.presence === 'present').length;
  return { members: list.length, present, needed: Math.ceil((list.length * 2) / 3), met: present >= Math.ceil((list.length * 2) / 3), numerator: 2, denominator: 3 };
};

const item = (sort: number, title: string, presenter: string, status: AgendaItem['status'], material: Pick<AgendaItem, 'materialKind' | 'materialId' | 'materialTitle'> | null = null): AgendaItem => ({
  id: `item-${sort}`, sort, title, presenter, notes: '', status, materialKind: material?.materialKind ?? null, materialId: material?.materialId ?? null, materialTitle: material?.materialTitle ?? null,
});

export const PLAN_2024 = { materialKind: 'plan_version' as const, materialId: 'plan-v2024', materialTitle: 'Kế hoạch hoạt động năm 2024 của Khối thi đua số 4' };
export const RULES_2024 = { materialKind: 'rules_version' as const, materialId: 'rules-v2024', materialTitle: 'Quy chế hoạt động và bình xét thi đua của Khối thi đua số 4 năm 2024' };
export const COVENANT_2024 = { materialKind: 'covenant' as const, materialId: 'cov-2024', materialTitle: 'Giao ước thi đua năm 2024 của Khối thi đua số 4' };

export function agenda(current = 1): AgendaItem[] {
  const st = (n: number): AgendaItem['status'] => (n < current ? 'done' : n === current ? 'current' : 'pending');
  return [
    item(1, 'Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2024', 'Đồng chí Trịnh Văn Khải, Khối trưởng', st(1), PLAN_2024),
    item(2, 'Thảo luận, đóng góp ý kiến vào dự thảo Quy chế hoạt động và bình xét thi đua năm 2024', 'Đại biểu các đơn vị thành viên', st(2), RULES_2024),
    item(3, 'Đại diện Ban Thi đua – Khen thưởng Thành phố phát biểu', 'Đồng chí Nguyễn Thị Minh Ngọc – Phó Trưởng Ban Thi đua – Khen thưởng Thành phố', st(3)),
    item(4, 'Ký kết Giao ước thi đua năm 2024', 'Thủ trưởng các đơn vị thành viên', st(4), COVENANT_2024),
    item(5, 'Khối trưởng phát biểu kết luận Hội nghị', 'Đồng chí Trịnh Văn Khải, Khối trưởng', st(5)),
  ];
}

export function conference(patch: Partial<Conference> = {}): Conference {
  const att = patch.attendance ?? attendance([units.dukcq.id, units.dukdn.id, units.lhp.id]);
  return {
    id: 'conf-2024', blockYearId: 'by-2024', blockId: 'block-4', blockName: 'Khối thi đua số 4', blockCode: 'KTĐ4', year: 2024, yearStatus: 'in_progress',
    kind: 'launch', title: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024',
    startsAt: at(2024, 4, 26, 8), endsAt: at(2024, 4, 26, 11), place: 'Hội trường Đảng ủy Khối các cơ quan Thành phố',
    chairUnitId: units.dukcq.id, chairUnitName: units.dukcq.name, coChairUnitId: units.dukdn.id, coChairUnitName: units.dukdn.name,
    chairName: heads[units.dukcq.id], coChairName: heads[units.dukdn.id], secretaryName: 'Phạm Quang Huy – Chuyên viên',
    guests: [{ name: 'Nguyễn Thị Minh Ngọc', title: 'Phó Trưởng Ban Thi đua – Khen thưởng Thành phố', organization: 'Ban Thi đua – Khen thưởng Thành phố Hà Nội' }],
    status: 'in_session', openedAt: at(2024, 4, 26, 8), closedAt: null, conclusion: '', version: 2,
    agenda: agenda(1), attendance: att, quorum: quorumOf(att), decisions: [], minutesStatus: null,
    permissions: { canRun: true, canReplyForUnitId: null },
    ...patch,
  };
}

export function minutes(patch: Partial<Minutes> = {}): Minutes {
  const att = attendance(ORDER.map((u) => u.id));
  return {
    conferenceId: 'conf-2024', number: '01/BB-KTĐ4', status: 'draft', version: 2, updatedAt: at(2024, 4, 26, 10, 40), canEdit: true, canApproveAs: ['secretary'],
    chairApproval: null, secretaryApproval: null, contentHash: null,
    content: {
      title: 'Hội nghị triển khai kế hoạch thi đua, khen thưởng và ký kết giao ước thi đua năm 2024',
      startedAt: at(2024, 4, 26, 8), endedAt: at(2024, 4, 26, 10, 30), place: 'Hội trường Đảng ủy Khối các cơ quan Thành phố',
      chair: { person: heads[units.dukcq.id], unit: units.dukcq.name, seat: 'leader' },
      coChair: { person: heads[units.dukdn.id], unit: units.dukdn.name, seat: 'deputy' },
      secretary: 'Phạm Quang Huy – Chuyên viên',
      guests: ['Đồng chí Nguyễn Thị Minh Ngọc – Phó Trưởng Ban Thi đua – Khen thưởng Thành phố, Ban Thi đua – Khen thưởng Thành phố Hà Nội'],
      attendees: att.map((a) => ({ unitName: a.unitName, seat: a.seat, presence: a.presence, delegate: a.delegateName })),
      quorum: quorumOf(att),
      agenda: [
        { title: 'Khối trưởng báo cáo dự thảo Kế hoạch hoạt động của Khối năm 2024', presenter: 'Đồng chí Trịnh Văn Khải, Khối trưởng', material: PLAN_2024.materialTitle,
          discussion: 'Kế hoạch xác định rõ chủ đề, nội dung, hoạt động, phong trào thi đua; kỷ niệm 70 năm Chiến thắng Điện Biên Phủ và 70 năm Ngày Giải phóng Thủ đô.',
          decisions: ['Hội nghị thống nhất thông qua Kế hoạch hoạt động năm 2024 của Khối thi đua số 4. (Có 5/5 đơn vị thành viên có mặt khi biểu quyết.)'] },
        { title: 'Ký kết Giao ước thi đua năm 2024', presenter: 'Thủ trưởng các đơn vị thành viên', material: COVENANT_2024.materialTitle, discussion: '', decisions: [] },
      ],
      conclusion: '',
    },
    ...patch,
  };
}
