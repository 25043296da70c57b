CREATE TABLE "AuditLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditLog" PRIMARY KEY AUTOINCREMENT,
    "Timestamp" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "Detail" TEXT NULL
);

CREATE INDEX "IX_AuditLog_Actor_Timestamp" ON "AuditLog" ("Actor", "Timestamp");

CREATE INDEX "IX_AuditLog_Timestamp" ON "AuditLog" ("Timestamp");
