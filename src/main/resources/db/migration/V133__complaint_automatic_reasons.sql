-- The scheduled job's reasons for its own steps were stored as Indonesian sentences, shown so on
-- English pages and in the API whatever the client's language. They are now stored as codes
-- (Complaint.AutomaticReason) and told in the reader's language; the steps taken before are
-- given their codes. A reason an officer typed is never touched (the job alone acts as 'sistem').
update complaint_status_change
   set reason = 'auto:NO_REACTION'
 where actor = 'sistem'
   and reason ~ '^Tidak ada tanggapan pelapor dalam [0-9]+ hari kerja setelah dijawab$';
update complaint_status_change
   set reason = 'auto:NO_REPLY'
 where actor = 'sistem'
   and reason ~ '^Tidak ada tanggapan pelapor dalam [0-9]+ hari kerja$';
