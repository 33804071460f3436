/** The server's password rule itself (a pure file of the backend), so the hints never drift from it. */
export { PASSWORD_MIN_LENGTH, passwordProblem } from '../../../backend/src/modules/auth/password-policy';
