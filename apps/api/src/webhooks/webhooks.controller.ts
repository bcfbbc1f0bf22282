import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@idv/auth';
import { Webhooks, type DeliveryPage, type RegisteredWebhook, type WebhookEndpoint } from '@idv/webhooks';
import { actorOf } from '../auth/actor';
import { Caller, Roles } from '../auth/roles.decorator';
import { DeliveriesQueryDto, RegisterWebhookDto } from './register-webhook.dto';
import { DELIVERIES_EXAMPLE, REGISTERED_WEBHOOK_EXAMPLE, WEBHOOK_EXAMPLE } from './webhook.examples';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: Webhooks) {}

  @Post()
  @Roles('client')
  @ApiOperation({
    summary: 'Register an endpoint. The signing secret is in this answer only: store it now.',
  })
  @ApiBody({ type: RegisterWebhookDto })
  @ApiResponse({ status: 201, schema: { example: REGISTERED_WEBHOOK_EXAMPLE } })
  @ApiResponse({
    status: 400,
    description:
      'Not an http(s) URL, too long, with credentials, a private or link-local address, or unknown events.',
  })
  register(@Caller() p: Principal, @Body() dto: RegisterWebhookDto): Promise<RegisteredWebhook> {
    return this.webhooks.register(actorOf(p), dto);
  }

  @Get()
  @Roles('client')
  @ApiOperation({ summary: 'The active endpoints of your tenant (never their secrets).' })
  @ApiResponse({ status: 200, schema: { example: { items: [WEBHOOK_EXAMPLE] } } })
  async list(@Caller() p: Principal): Promise<{ items: WebhookEndpoint[] }> {
    return { items: await this.webhooks.list(p.tenantId) };
  }

  @Delete(':id')
  @Roles('client')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove an endpoint: nothing more is sent to it; its delivery log stays readable.',
  })
  @ApiResponse({ status: 204 })
  @ApiResponse({
    status: 404,
    description: 'No such endpoint in your tenant.',
    schema: { example: { error: 'webhook_not_found', message: 'No webhook 5c1e… in your tenant.' } },
  })
  remove(@Caller() p: Principal, @Param('id') id: string): Promise<void> {
    return this.webhooks.remove(actorOf(p), id);
  }

  @Get(':id/deliveries')
  @Roles('client')
  @ApiOperation({ summary: 'Delivery attempts to an endpoint, newest first, cursor-paginated.' })
  @ApiResponse({ status: 200, schema: { example: DELIVERIES_EXAMPLE } })
  @ApiResponse({ status: 404, description: 'No such endpoint in your tenant.' })
  deliveries(
    @Caller() p: Principal,
    @Param('id') id: string,
    @Query() query: DeliveriesQueryDto,
  ): Promise<DeliveryPage> {
    return this.webhooks.deliveries(p.tenantId, id, query.cursor, query.limit);
  }
}
