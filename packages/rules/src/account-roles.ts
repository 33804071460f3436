/** Accounts of these roles act for one unit and must name it; the board and admins act city-wide and name none. */
export const roleNeedsUnit = (role: string | undefined): boolean => role === 'officer' || role === 'unit_head';
