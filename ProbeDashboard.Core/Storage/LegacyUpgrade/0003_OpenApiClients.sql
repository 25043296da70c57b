-- Open monitoring API (seed 004): clients with encrypted keys, the users partners act for, tasks and alert groups.

CREATE TABLE "OpenApiClients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OpenApiClients" PRIMARY KEY AUTOINCREMENT,
    "ApiId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "IsPartner" INTEGER NOT NULL,
    "TaskLimit" INTEGER NOT NULL,
    "ProtectedKey" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL
);

CREATE TABLE "OpenApiUsers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OpenApiUsers" PRIMARY KEY AUTOINCREMENT,
    "ClientId" INTEGER NOT NULL,
    "Email" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_OpenApiUsers_OpenApiClients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "OpenApiClients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OpenApiTasks" (
    "Tid" TEXT NOT NULL CONSTRAINT "PK_OpenApiTasks" PRIMARY KEY,
    "ClientId" INTEGER NOT NULL,
    "UserName" TEXT NOT NULL,
    "MonitorId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_OpenApiTasks_Monitors_MonitorId" FOREIGN KEY ("MonitorId") REFERENCES "Monitors" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OpenApiTasks_OpenApiClients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "OpenApiClients" ("Id") ON DELETE CASCADE
);

CREATE TABLE "OpenApiAlertGroups" (
    "Gid" TEXT NOT NULL CONSTRAINT "PK_OpenApiAlertGroups" PRIMARY KEY,
    "ClientId" INTEGER NOT NULL,
    "UserName" TEXT NOT NULL,
    "NotificationGroupId" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_OpenApiAlertGroups_NotificationGroups_NotificationGroupId" FOREIGN KEY ("NotificationGroupId") REFERENCES "NotificationGroups" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OpenApiAlertGroups_OpenApiClients_ClientId" FOREIGN KEY ("ClientId") REFERENCES "OpenApiClients" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_OpenApiClients_ApiId" ON "OpenApiClients" ("ApiId");

CREATE UNIQUE INDEX "IX_OpenApiUsers_ClientId_Email" ON "OpenApiUsers" ("ClientId", "Email");

CREATE INDEX "IX_OpenApiTasks_ClientId_UserName" ON "OpenApiTasks" ("ClientId", "UserName");

CREATE UNIQUE INDEX "IX_OpenApiTasks_MonitorId" ON "OpenApiTasks" ("MonitorId");

CREATE INDEX "IX_OpenApiAlertGroups_ClientId_UserName" ON "OpenApiAlertGroups" ("ClientId", "UserName");

CREATE UNIQUE INDEX "IX_OpenApiAlertGroups_NotificationGroupId" ON "OpenApiAlertGroups" ("NotificationGroupId");
