import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

export class RestrictionDto {
  @ApiPropertyOptional({
    example: '2026-12-01T00:00:00Z',
    description: 'Until when; indefinite when absent.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  until?: string;

  @ApiPropertyOptional({ example: 'Reported by the wallet fraud team.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
