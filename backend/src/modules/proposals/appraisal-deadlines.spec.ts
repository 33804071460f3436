import { appraisalJobs } from './appraisal-deadlines';
import { OFFICIAL_CALENDAR } from './rules';

describe('appraisalJobs', () => {
  const p = { id: 'p1', dueDate: '2025-02-21' };
  it('says nothing while more than three working days are left', () => {
    expect(appraisalJobs(p, new Date('2025-02-14T03:00:00Z'), OFFICIAL_CALENDAR)).toEqual([]); // Fri 14/2: 5 working days left
  });
  it('reminds the board three working days before, keyed by the due date', () => {
    const [j] = appraisalJobs(p, new Date('2025-02-18T03:00:00Z'), OFFICIAL_CALENDAR); // Tue 18/2
    expect(j).toMatchObject({ kind: 'proposal.appraisal_due', dedupeKey: 'proposal.appraisal_due:p1:2025-02-21' });
  });
  it('tells the board once the due date has passed', () => {
    const [j] = appraisalJobs(p, new Date('2025-02-22T03:00:00Z'), OFFICIAL_CALENDAR);
    expect(j).toMatchObject({ kind: 'proposal.appraisal_overdue', dedupeKey: 'proposal.appraisal_overdue:p1:2025-02-21' });
  });
});
