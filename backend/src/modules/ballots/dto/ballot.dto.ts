import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/dto';
import { BALLOT_MODES, type BallotMode } from '../entities/ballot.entity';

// ─── Requests ───────────────────────────────────────────────────────────────────────────────────

export class BallotQueryDto {
  @ApiPropertyOptional({ description: 'Hội nghị' }) @IsOptional() @IsUUID() conferenceId?: string;
  @ApiPropertyOptional({ description: 'Năm thi đua của khối' }) @IsOptional() @IsUUID() blockYearId?: string;
}

export class OutcomeQueryDto {
  @ApiProperty({ description: 'Năm thi đua của khối' }) @IsUUID() blockYearId: string;
}

export class OpenBallotDto {
  @ApiProperty({ description: 'Hội nghị tổng kết đang diễn ra' }) @IsUUID() conferenceId: string;
  @ApiProperty({ description: 'Mã hình thức khen thưởng trong danh mục của năm, ví dụ city_flag', example: 'city_flag' })
  @IsString() @Matches(/^[a-z][a-z0-9_]*$/) @MaxLength(32) awardCode: string;
  @ApiPropertyOptional({ enum: BALLOT_MODES, description: 'electronic: phiếu điện tử (mặc định); paper: phiếu giấy, Khối trưởng nhập kết quả kiểm phiếu' })
  @IsOptional() @IsIn(BALLOT_MODES) mode?: BallotMode;
}

const HEX32 = /^[0-9a-f]{64}$/;
const HEX32_MSG = { message: '!phải là 64 chữ số hệ 16 viết thường' };
const HEX32_EACH = { each: true, message: '!mỗi phần tử phải là 64 chữ số hệ 16 viết thường' };

/** A disjunctive Chaum–Pedersen proof: one challenge and one response per possible value. */
export class RangeProofDto {
  @ApiProperty({ type: [String], description: 'Thử thách (số vô hướng, hex)' }) @IsArray() @ArrayMaxSize(101) @IsString({ each: true }) @Matches(HEX32, HEX32_EACH) c: string[];
  @ApiProperty({ type: [String], description: 'Phản hồi (số vô hướng, hex)' }) @IsArray() @ArrayMaxSize(101) @IsString({ each: true }) @Matches(HEX32, HEX32_EACH) s: string[];
}

/** One candidate's encrypted 0/1 with its proof. */
export class EncryptedChoiceDto {
  @ApiProperty({ description: 'ElGamal a = r·G (điểm ristretto255, hex)' }) @IsString() @Matches(HEX32, HEX32_MSG) a: string;
  @ApiProperty({ description: 'ElGamal b = m·G + r·H (điểm ristretto255, hex)' }) @IsString() @Matches(HEX32, HEX32_MSG) b: string;
  @ApiProperty({ type: RangeProofDto, description: 'Chứng minh giá trị mã hóa là 0 hoặc 1' }) @IsDefined() @ValidateNested() @Type(() => RangeProofDto) proof: RangeProofDto;
}

/** A paper encrypted in the browser: the server never sees which candidates it approves. */
export class EncryptedPaperDto {
  @ApiProperty({ type: [EncryptedChoiceDto], description: 'Một bản mã cho mỗi ứng viên, theo thứ tự ứng viên của cuộc bỏ phiếu' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => EncryptedChoiceDto) choices: EncryptedChoiceDto[];
  @ApiProperty({ type: RangeProofDto, description: 'Chứng minh tổng số đơn vị được đồng ý từ 0 đến số được bầu tối đa (rỗng khi số được bầu tối đa không nhỏ hơn số ứng viên)' })
  @IsDefined() @ValidateNested() @Type(() => RangeProofDto) quotaProof: RangeProofDto;
}

export class CastVoteDto {
  @ApiProperty({ type: EncryptedPaperDto, description: 'Phiếu đã mã hóa trên trình duyệt bằng khóa công khai của cuộc bỏ phiếu, kèm chứng minh hợp lệ' })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => EncryptedPaperDto) paper: EncryptedPaperDto;
  @ApiPropertyOptional({ description: 'Đơn vị bỏ phiếu; nếu gửi phải là đơn vị của người dùng' }) @IsOptional() @IsUUID() unitId?: string;
}

export class PaperTallyDto {
  @ApiProperty({ description: 'Số phiếu phát ra' }) @IsInt() @Min(0) issued: number;
  @ApiProperty({ description: 'Số phiếu hợp lệ' }) @IsInt() @Min(0) valid: number;
  @ApiProperty({ description: 'Số phiếu không hợp lệ' }) @IsInt() @Min(0) invalid: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Số phiếu đồng ý của từng ứng viên (mã đơn vị → số phiếu)' })
  @IsObject() approvals: Record<string, number>;
}

export class RevoteDto {
  @ApiPropertyOptional({ enum: BALLOT_MODES, description: 'Mặc định như vòng trước' }) @IsOptional() @IsIn(BALLOT_MODES) mode?: BallotMode;
}

export class SignTallyRecordDto {
  @ApiProperty({ description: 'Trưởng ban kiểm phiếu (họ tên, có thể kèm chức vụ)' })
  @IsString() @Transform(trim) @IsNotEmpty() @MaxLength(255) chairName: string;
  @ApiProperty({ type: [String], description: 'Thành viên ban kiểm phiếu' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(255, { each: true })
  @Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value)) memberNames: string[];
}

export class TallyRecordExportQueryDto {
  @ApiPropertyOptional({ enum: ['docx', 'pdf'], default: 'docx' }) @IsOptional() @IsIn(['docx', 'pdf']) format?: 'docx' | 'pdf';
}

// ─── Responses ──────────────────────────────────────────────────────────────────────────────────

export class UnitRefDto {
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
}

export class BallotCandidateDto extends UnitRefDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Xếp hạng trong đợt chấm điểm cuối năm' }) rank: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Tổng điểm cuối cùng' }) total: number | null;
}

export class BallotVoterDto extends UnitRefDto {
  @ApiProperty({ description: 'Thời điểm đơn vị bỏ phiếu (công khai: ai đã bỏ phiếu, không bao giờ là nội dung phiếu)' }) votedAt: string;
}

export class CandidateResultDto extends UnitRefDto {
  @ApiProperty() approvals: number;
  @ApiProperty({ description: 'Tỷ lệ số phiếu đồng ý trên căn cứ tính (%)' }) percent: number;
  @ApiProperty() aboveThreshold: boolean;
  @ApiProperty() elected: boolean;
}

export class RevoteInfoDto {
  @ApiProperty({ type: [UnitRefDto] }) candidates: UnitRefDto[];
  @ApiProperty({ description: 'Số vị trí còn lại' }) seats: number;
}

export class InvalidByProblemDto {
  @ApiProperty() not_candidate: number;
  @ApiProperty() duplicate: number;
  @ApiProperty() over_quota: number;
}

export class DecryptionProofDto {
  @ApiProperty() c: string;
  @ApiProperty() s: string;
}

export class DecryptedSumDto {
  @ApiProperty() unitId: string;
  @ApiProperty({ description: 'Tổng các bản mã a của ứng viên' }) a: string;
  @ApiProperty({ description: 'Tổng các bản mã b của ứng viên' }) b: string;
  @ApiProperty({ description: 'Số phiếu đồng ý giải mã được' }) count: number;
  @ApiProperty({ type: DecryptionProofDto }) proof: DecryptionProofDto;
}

export class DecryptionDto {
  @ApiProperty({ description: 'Khóa công khai của cuộc bỏ phiếu' }) publicKey: string;
  @ApiProperty({ type: [DecryptedSumDto] }) sums: DecryptedSumDto[];
}

export class BallotResultDto {
  @ApiProperty() members: number;
  @ApiProperty({ description: 'Số đơn vị có mặt (số phiếu phát ra)' }) present: number;
  @ApiProperty() quota: number;
  @ApiProperty({ description: 'Số phiếu thu về' }) ballotsCast: number;
  @ApiProperty() valid: number;
  @ApiProperty() invalid: number;
  @ApiProperty() thresholdPercent: number;
  @ApiProperty({ enum: ['members', 'present'] }) thresholdBase: 'members' | 'present';
  @ApiProperty({ description: 'Số đơn vị làm căn cứ tính tỷ lệ' }) base: number;
  @ApiProperty() threshold: number;
  @ApiProperty({ description: 'Số phiếu đồng ý tối thiểu để trúng cử' }) approvalsNeeded: number;
  @ApiProperty({ type: [CandidateResultDto], description: 'Theo số phiếu đồng ý giảm dần' }) candidates: CandidateResultDto[];
  @ApiProperty({ type: [UnitRefDto] }) elected: UnitRefDto[];
  @ApiProperty({ type: RevoteInfoDto, nullable: true, description: 'Có đơn vị bằng phiếu tại ngưỡng số lượng: phải bầu lại' }) revote: RevoteInfoDto | null;
  @ApiProperty({ type: InvalidByProblemDto, nullable: true }) invalidByProblem: InvalidByProblemDto | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Biên nhận (SHA-256) của mọi phiếu điện tử trong hòm phiếu, theo thứ tự chữ cái; mỗi đơn vị tìm được biên nhận của mình' })
  receipts: string[] | null;
  @ApiProperty({ type: () => DecryptionDto, nullable: true, description: 'Tổng đã mã hóa của từng ứng viên, kết quả giải mã và chứng minh giải mã đúng (ai cũng kiểm tra được)' })
  decryption: DecryptionDto | null;
  @ApiProperty({ type: PaperTallyDto, nullable: true, description: 'Kết quả kiểm phiếu giấy đã nhập' }) paperCounts: PaperTallyDto | null;
}

export class SeriesRoundDto {
  @ApiProperty() id: string;
  @ApiProperty() round: number;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
}

export class ElectedUnitDto extends UnitRefDto {
  @ApiProperty() approvals: number;
  @ApiProperty() percent: number;
  @ApiProperty() round: number;
}

export class BallotSeriesDto {
  @ApiProperty() seriesId: string;
  @ApiProperty({ type: [SeriesRoundDto] }) rounds: SeriesRoundDto[];
  @ApiProperty({ description: 'Vòng cuối đã kết thúc và không còn phải bầu lại' }) complete: boolean;
  @ApiProperty() revotePending: boolean;
  @ApiProperty({ type: [ElectedUnitDto] }) elected: ElectedUnitDto[];
}

export class TallyRecordDto {
  @ApiProperty() seriesId: string;
  @ApiProperty({ description: 'Vòng cuối của loạt bỏ phiếu' }) ballotId: string;
  @ApiProperty({ description: 'Có thể ký: loạt bỏ phiếu đã có kết quả cuối cùng' }) complete: boolean;
  @ApiProperty() signed: boolean;
  @ApiProperty({ type: String, nullable: true, example: '03/BB-KTĐ4' }) number: string | null;
  @ApiProperty({ type: String, nullable: true }) chairName: string | null;
  @ApiProperty({ type: [String] }) memberNames: string[];
  @ApiProperty({ type: String, nullable: true }) signedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) signedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) contentHash: string | null;
  @ApiProperty() canSign: boolean;
}

export class MyBallotDto {
  @ApiProperty() unitId: string;
  @ApiProperty({ description: 'Đơn vị có mặt khi mở bỏ phiếu' }) present: boolean;
  @ApiProperty() hasVoted: boolean;
  @ApiProperty({ description: 'Người dùng được bỏ phiếu cho đơn vị ngay lúc này' }) canVote: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Vì sao chưa bỏ phiếu được' }) reason: string | null;
}

export class BallotPermissionsDto {
  @ApiProperty({ description: 'Đơn vị Khối trưởng: mở, kết thúc, nhập kết quả, bầu lại, ký biên bản' }) canRun: boolean;
  @ApiProperty() canClose: boolean;
  @ApiProperty() canEnterPaperTally: boolean;
  @ApiProperty() canOpenRevote: boolean;
}

export class BallotSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() seriesId: string;
  @ApiProperty() round: number;
  @ApiProperty() conferenceId: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() awardCode: string;
  @ApiProperty() awardName: string;
  @ApiProperty({ enum: BALLOT_MODES }) mode: BallotMode;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ description: 'Số phiếu đã bỏ (phiếu điện tử) hoặc số phiếu thu về (phiếu giấy, sau khi nhập)' }) ballotsCast: number;
  @ApiProperty({ description: 'Số đơn vị có mặt khi mở bỏ phiếu' }) present: number;
  @ApiProperty() openedAt: string;
  @ApiProperty({ type: String, nullable: true }) closedAt: string | null;
}

export class BallotDto extends BallotSummaryDto {
  @ApiProperty() conferenceTitle: string;
  @ApiProperty() blockId: string;
  @ApiProperty() blockName: string;
  @ApiProperty() blockCode: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: [BallotCandidateDto] }) candidates: BallotCandidateDto[];
  @ApiProperty({ description: 'Số đơn vị được bầu tối đa trong vòng này' }) quota: number;
  @ApiProperty() members: number;
  @ApiProperty({ type: [UnitRefDto], description: 'Các đơn vị có mặt khi mở bỏ phiếu, mỗi đơn vị một phiếu' }) presentUnits: UnitRefDto[];
  @ApiProperty() thresholdPercent: number;
  @ApiProperty({ enum: ['members', 'present'] }) thresholdBase: 'members' | 'present';
  @ApiProperty({ type: [BallotVoterDto], description: 'Các đơn vị đã bỏ phiếu (công khai)' }) voters: BallotVoterDto[];
  @ApiProperty({ type: String, nullable: true }) openedByName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Phiếu điện tử: khóa công khai (ristretto255, hex) để mã hóa phiếu trên trình duyệt' }) publicKey: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Biên nhận của phiếu vừa bỏ: chỉ có trong phản hồi khi bỏ phiếu, không lưu cùng đơn vị' }) receipt: string | null;
  @ApiProperty({ type: BallotResultDto, nullable: true, description: 'Chỉ có sau khi kết thúc bỏ phiếu' }) result: BallotResultDto | null;
  @ApiProperty({ type: BallotSeriesDto }) series: BallotSeriesDto;
  @ApiProperty({ type: TallyRecordDto }) tallyRecord: TallyRecordDto;
  @ApiProperty({ type: MyBallotDto, nullable: true }) myUnit: MyBallotDto | null;
  @ApiProperty({ type: BallotPermissionsDto }) permissions: BallotPermissionsDto;
}

export class BallotOutcomeElectedDto extends UnitRefDto {
  @ApiProperty() approvals: number;
  @ApiProperty() percent: number;
}

export class BallotOutcomeDto {
  @ApiProperty({ description: 'Vòng cuối của loạt bỏ phiếu' }) ballotId: string;
  @ApiProperty() conferenceId: string;
  @ApiProperty() blockYearId: string;
  @ApiProperty() code: string;
  @ApiProperty() awardName: string;
  @ApiProperty({ enum: BALLOT_MODES }) mode: BallotMode;
  @ApiProperty() round: number;
  @ApiProperty({ enum: ['open', 'closed'], description: 'closed: loạt bỏ phiếu đã có kết quả cuối cùng' }) status: 'open' | 'closed';
  @ApiProperty() revotePending: boolean;
  @ApiProperty({ type: [BallotOutcomeElectedDto] }) elected: BallotOutcomeElectedDto[];
  @ApiProperty({ type: 'object', properties: { signed: { type: 'boolean' }, documentNumber: { type: 'string', nullable: true } } })
  tallyRecord: { signed: boolean; documentNumber: string | null };
}

