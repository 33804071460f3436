import { ApiProperty } from '@nestjs/swagger';

/** What the signed-in person may start in one block year, from the policy of the module that owns each action. */
export class YearRightsDto {
  @ApiProperty({ description: 'Triệu tập hội nghị mới của khối (Khối trưởng, Khối phó; năm chưa lưu trữ)' }) convene: boolean;
  @ApiProperty({ description: 'Mở đợt chấm điểm (Khối trưởng, Khối phó; năm chưa lưu trữ)' }) openRound: boolean;
  @ApiProperty({ description: 'Soạn biểu chấm điểm, tạo phiên bản mới (Khối trưởng, Khối phó; năm chưa lưu trữ)' }) editScheme: boolean;
  @ApiProperty({ description: 'Lập hồ sơ đề nghị khen thưởng (Khối trưởng, Khối phó; năm chưa lưu trữ)' }) assembleDossier: boolean;
}
